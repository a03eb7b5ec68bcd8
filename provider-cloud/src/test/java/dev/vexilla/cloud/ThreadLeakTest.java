package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.ImmutableContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** After shutdown no thread the provider started (scheduler, change stream, pool evictors) is left alive. */
@Isolated
final class ThreadLeakTest {
    @TempDir
    Path dir;

    @Test
    void shutdownLeavesNoThreadBehind() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            for (Protocol protocol : Protocol.values()) {
                CloudProvider p = new CloudProvider(CloudOptions.builder()
                        .sdkKey(TestServer.KEY)
                        .baseUrl(server.baseUri())
                        .protocol(protocol)
                        .cache(CloudCache.lru(10, Duration.ofMinutes(1)))
                        .requestTimeout(Duration.ofSeconds(2))
                        .environment(Map.of())
                        .build());
                p.initialize(new ImmutableContext());
                p.getBooleanEvaluation("checkoutEnabled", false, new ImmutableContext("u-1"));
                p.allFlags(new ImmutableContext("u-1"));
                p.track("seen", new ImmutableContext("u-1"), null);
                assertThat(newThreads(before)).anyMatch(name -> name.startsWith("vexilla-cloud-"));
                p.shutdown();
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(newThreads(before))
                            .noneMatch(name -> name.startsWith("vexilla-cloud-") || name.contains("evictor")));
        }
    }

    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
