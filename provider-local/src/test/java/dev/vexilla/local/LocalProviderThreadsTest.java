package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.vexilla.model.testsupport.SseStreamHandler;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** Every thread a provider starts is a named daemon and is gone after shutdown. */
@Isolated
final class LocalProviderThreadsTest {

    private static final String[] PREFIXES = {
        "vexilla-", "idle-connection-evictor", "openfeature-event-emitter", "httpclient-"
    };

    @TempDir
    Path dir;

    private static Set<Thread> providerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> {
                    for (String p : PREFIXES) {
                        if (t.getName().startsWith(p)) {
                            return true;
                        }
                    }
                    return false;
                })
                .collect(Collectors.toSet());
    }

    @Test
    void shutdown_stopsEveryThreadTheProviderStarted_allOfThemNamedDaemons() throws Exception {
        Set<Thread> before = providerThreads();
        SseStreamHandler stream = new SseStreamHandler();
        Path overrides = dir.resolve("o.json");
        Files.writeString(overrides, "{\"flags\": {\"extra\": 1}}");
        try (TestHttpServer http = TestHttpServer.start()) {
            http.fallback(exchange -> (exchange.getRequestURI().getPath().equals("/v1/stream")
                            ? stream
                            : respond(200, TestConfigs.A, "ETag", "\"a\""))
                    .handle(exchange));
            OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
            LocalProvider provider = new LocalProvider(LocalOptions.builder()
                    .sdkKey(TestConfigs.SDK_KEY)
                    .baseUrl(http.baseUri())
                    .realtimeUpdates(true)
                    .pollingMode(PollingMode.autoPoll(Duration.ofSeconds(1), Duration.ofSeconds(5)))
                    .flagOverrides(FlagOverrides.file(overrides, true), OverrideBehaviour.LOCAL_OVER_REMOTE)
                    .build());
            api.setProviderAndWait(provider);
            stream.awaitOpened();
            assertThat(api.getClient().getStringValue("textRule", "x", new ImmutableContext()))
                    .isEqualTo("plain");

            Set<Thread> started = providerThreads();
            started.removeAll(before);
            assertThat(started).isNotEmpty();
            assertThat(started)
                    .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());

            api.shutdown();
            provider.shutdown();
            stream.end();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Set<Thread> left = providerThreads();
                left.retainAll(started);
                assertThat(left).as("threads left after shutdown").isEmpty();
            });
        }
    }
}
