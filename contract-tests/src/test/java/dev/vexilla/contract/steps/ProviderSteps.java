package dev.vexilla.contract.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.ThreadLocalTransactionContextPropagator;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.Locale;

/** Steps that set up the provider of a scenario and check its status; also the scenario teardown. */
public final class ProviderSteps {

    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(5);

    private final ScenarioState state;

    /**
     * Creates the steps of one scenario.
     *
     * @param state the scenario's shared state
     */
    public ProviderSteps(ScenarioState state) {
        this.state = state;
    }

    /**
     * Registers the provider under test ("stable") or an emulated provider in another state, and makes the
     * scenario's client use it. Emulated providers get their own domain, so the stable provider set up by the
     * background stays registered beside them.
     *
     * @param status {@code stable}, {@code not ready}, {@code error}, {@code fatal} or {@code stale}
     */
    @Given("^a (stable|not ready|error|fatal|stale) provider$")
    public void aProvider(String status) {
        if ("stable".equals(status)) {
            FeatureProvider provider = state.factory().create();
            state.api.setProviderAndWait(provider);
            state.client = state.api.getClient();
            assertThat(state.client.getProviderState())
                    .as("state of %s after initialisation", state.factory().description())
                    .isEqualTo(ProviderState.READY);
            return;
        }
        ProviderState target = ProviderState.valueOf(status.replace(' ', '_').toUpperCase(Locale.ROOT));
        StatusEmulatingProvider provider = new StatusEmulatingProvider(target);
        state.emulatedProviders.add(provider);
        String domain = provider.getMetadata().getName();
        register(domain, provider);
        state.client = state.api.getClient(domain);
        await().atMost(STATE_TIMEOUT).until(() -> state.client().getProviderState() == target);
    }

    private void register(String domain, StatusEmulatingProvider provider) {
        switch (provider.target()) {
            case NOT_READY:
                state.api.setProvider(domain, provider);
                break;
            case ERROR:
            case FATAL:
                assertThatThrownBy(() -> state.api.setProviderAndWait(domain, provider))
                        .isInstanceOf(OpenFeatureError.class);
                break;
            default:
                state.api.setProviderAndWait(domain, provider);
                provider.emitProviderStale(
                        ProviderEventDetails.builder().message("emulated").build());
        }
    }

    /**
     * Registers the provider under test behind a recorder of the context it receives, and a thread-local transaction
     * context propagator.
     */
    @Given("a stable provider with retrievable context is registered")
    public void aStableProviderWithRetrievableContext() {
        ContextRecordingProvider provider =
                new ContextRecordingProvider(state.factory().create());
        state.contextRecorder = provider;
        state.api.setTransactionContextPropagator(new ThreadLocalTransactionContextPropagator());
        state.api.setProviderAndWait(provider);
        state.client = state.api.getClient();
    }

    /**
     * Checks the status the client reports for its provider.
     *
     * @param expected a {@link ProviderState} name
     */
    @Then("the provider status should be {string}")
    public void theProviderStatusShouldBe(String expected) {
        assertThat(state.client().getProviderState()).isEqualTo(ProviderState.valueOf(expected));
    }

    /** Releases blocked emulated providers and shuts the scenario's API down with every provider in it. */
    @After
    public void shutDown() {
        state.emulatedProviders.forEach(StatusEmulatingProvider::release);
        state.api.shutdown();
    }
}
