package dev.vexilla.contract.cloud.ofrep;

import dev.vexilla.cloud.Protocol;
import dev.vexilla.contract.cloud.CloudProviderFactory;
import dev.vexilla.contract.cloud.SpecServer;
import dev.vexilla.contract.steps.ScenarioState;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;

/** Makes every scenario of its runner use {@code CloudProvider} over OFREP, against one server per run. */
public final class CloudOfrepBinding {

    private final ScenarioState state;

    /**
     * Creates the binding of one scenario.
     *
     * @param state the scenario's shared state
     */
    public CloudOfrepBinding(ScenarioState state) {
        this.state = state;
    }

    /** Starts the runner's bucketing server before the first scenario. */
    @BeforeAll
    public static void startServer() {
        SpecServer.start();
    }

    /** Stops the server after the last scenario. */
    @AfterAll
    public static void stopServer() {
        SpecServer.stop();
    }

    /** Binds the factory before any step runs. */
    @Before(order = 0)
    public void bind() {
        state.useFactory(new CloudProviderFactory(Protocol.OFREP));
    }
}
