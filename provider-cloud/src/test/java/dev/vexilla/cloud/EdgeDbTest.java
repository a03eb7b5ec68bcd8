package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EdgeDB through the provider: the server remembers the full user, a later request sends only the key. */
final class EdgeDbTest {
    @TempDir
    Path dir;

    private static CloudProvider provider(TestServer server, boolean edgeDb) {
        return new CloudProvider(CloudOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(server.baseUri())
                .enableEdgeDB(edgeDb)
                .requestTimeout(Duration.ofSeconds(5))
                .environment(Map.of())
                .build());
    }

    @Test
    void aUserStoredWithTheFullContextIsEvaluatedTheSameWithOnlyItsKey() {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider edge = provider(server, true);
            CloudProvider plain = provider(server, false);
            try {
                ImmutableContext full = new ImmutableContext(
                        "edge-user-1", Map.of("email", new Value("ada@vexilla.dev"), "Country", new Value("CA")));
                ImmutableContext keyOnly = new ImmutableContext("edge-user-1");

                assertThat(edge.getStringEvaluation("supportTier", "x", full).getValue())
                        .isEqualTo("priority");
                assertThat(edge.getIntegerEvaluation("maxUploadMb", 0, full).getValue())
                        .isEqualTo(100);

                assertThat(edge.getStringEvaluation("supportTier", "x", keyOnly).getValue())
                        .isEqualTo("priority");
                assertThat(edge.getIntegerEvaluation("maxUploadMb", 0, keyOnly).getValue())
                        .isEqualTo(100);
                assertThat(edge.allFlags(keyOnly).get("supportTier").getValue()).isEqualTo("priority");

                assertThat(plain.getStringEvaluation("supportTier", "x", keyOnly)
                                .getValue())
                        .isEqualTo("standard");
                assertThat(plain.getIntegerEvaluation("maxUploadMb", 0, keyOnly).getValue())
                        .isEqualTo(25);
            } finally {
                edge.shutdown();
                plain.shutdown();
            }
        }
    }
}
