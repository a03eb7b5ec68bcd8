package dev.vexilla.contract.devcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.devcycle.sdk.server.common.model.DevCycleUser;
import com.devcycle.sdk.server.local.api.DevCycleLocalClient;
import com.devcycle.sdk.server.local.model.DevCycleLocalOptions;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.LocalProvider;
import dev.vexilla.local.PollingMode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue [9], realtime: a DevCycle config v2 file changed on our server reaches DevCycle's own local client (SDK 2.6.0,
 * {@code configCdnBaseUrl} = our server) and {@code LocalProvider} in DevCycle mode (base URL = our server) through
 * the stream the config's {@code sse} names. Both poll every 10 minutes, so only the stream can deliver the change
 * within the test; {@code LocalProvider} announces it with {@code PROVIDER_CONFIGURATION_CHANGED} naming the variable.
 */
final class RealtimeThroughOurServerTest {
    private static final String CONTRACT_CONFIG = "contract-config_v2.json";
    private static final String BEFORE = "Buy now, pay later";
    private static final String AFTER = "Pay in four";
    private static final Duration POLL = Duration.ofMinutes(10);

    @Test
    void aConfigChangeOnTheServerReachesDevCyclesClientAndLocalProviderThroughTheStream() throws Exception {
        RecordingDevCycleLogger.INSTANCE.reset();
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        BlockingQueue<EventDetails> changes = new LinkedBlockingQueue<>();
        api.onProviderConfigurationChanged(changes::add);
        try (DevCycleServer server = DevCycleServer.start(CONTRACT_CONFIG)) {
            DevCycleLocalClient devCycle = new DevCycleLocalClient(
                    server.sdkKey(),
                    DevCycleLocalOptions.builder()
                            .configCdnBaseUrl(server.baseUrl())
                            .eventsApiBaseUrl(server.baseUrl())
                            .configPollingIntervalMS((int) POLL.toMillis())
                            .customLogger(RecordingDevCycleLogger.INSTANCE)
                            .build());
            LocalProvider local = new LocalProvider(LocalOptions.builder()
                    .sdkKey(server.sdkKey())
                    .baseUrl(URI.create(server.baseUrl()))
                    .eventsUrl(URI.create(server.baseUrl()))
                    .pollingMode(PollingMode.autoPoll(POLL, Duration.ofSeconds(30)))
                    .streamBackstopInterval(Duration.ofHours(1))
                    .disableAutomaticEventLogging(true)
                    .build());
            try {
                api.setProviderAndWait(local);
                await("DevCycle's client loads the config from our CDN path")
                        .atMost(Duration.ofSeconds(60))
                        .until(devCycle::isInitialized);
                DevCycleUser staff = DevCycleUser.builder()
                        .userId("u-staff")
                        .email("ada@vexilla.dev")
                        .build();
                ImmutableContext staffContext =
                        new ImmutableContext("u-staff", Map.of("email", new Value("ada@vexilla.dev")));
                assertThat(devCycle.variableValue(staff, "checkout-copy", "none"))
                        .isEqualTo(BEFORE);
                assertThat(api.getClient().getStringValue("checkout-copy", "none", staffContext))
                        .isEqualTo(BEFORE);
                await("both clients listen to our stream")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> server.metric("vexilla_stream_clients", "") >= 2);

                server.replaceConfig(DevCycleServer.resource(CONTRACT_CONFIG).replace(BEFORE, AFTER));

                await("the change reaches DevCycle's client over our stream (it polls every 10 min)")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> devCycle.variableValue(staff, "checkout-copy", "none")
                                .equals(AFTER));
                await("the change reaches LocalProvider over our stream (it polls every 10 min)")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> api.getClient()
                                .getStringValue("checkout-copy", "none", staffContext)
                                .equals(AFTER));
                EventDetails change = changes.poll(60, TimeUnit.SECONDS);
                assertThat(change).as("PROVIDER_CONFIGURATION_CHANGED").isNotNull();
                assertThat(change.getFlagsChanged()).contains("checkout-copy");
                assertThat(RecordingDevCycleLogger.INSTANCE.complaints()).isEmpty();
            } finally {
                devCycle.close();
                api.shutdown();
            }
        }
    }
}
