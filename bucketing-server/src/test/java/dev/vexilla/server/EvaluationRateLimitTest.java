package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EvaluationRateLimitTest {
    private static final String ADA = "{\"user_id\":\"u-1\",\"email\":\"ada@vexilla.dev\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void zero_neverLimits() {
        EvaluationRateLimit limit = new EvaluationRateLimit(0, clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limit.acquire("c")).isZero();
        }
    }

    @Test
    void burstOfOneSecondsWorth_thenRefillsWithTime() {
        EvaluationRateLimit limit = new EvaluationRateLimit(4, clock);

        for (int i = 0; i < 4; i++) {
            assertThat(limit.acquire("c")).isZero();
        }
        assertThat(limit.acquire("c")).isEqualTo(1);
        clock.advance(Duration.ofMillis(250));
        assertThat(limit.acquire("c")).isZero();
        assertThat(limit.acquire("c")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 4; i++) {
            assertThat(limit.acquire("c"))
                    .as("the bucket holds at most one second's worth")
                    .isZero();
        }
        assertThat(limit.acquire("c")).isEqualTo(1);
    }

    @Test
    void configsHaveTheirOwnBuckets() {
        EvaluationRateLimit limit = new EvaluationRateLimit(1, clock);

        assertThat(limit.acquire("a")).isZero();
        assertThat(limit.acquire("a")).isEqualTo(1);
        assertThat(limit.acquire("b")).isZero();
    }

    @Test
    void negativeRate_isRejected() {
        assertThatThrownBy(() -> new EvaluationRateLimit(-1, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perSecond must be >= 0, was -1");
        assertThatThrownBy(() -> ServerOptions.builder().rateLimit(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rateLimit must be >= 0, was -2");
    }

    @Test
    void routesBeyondTheLimit_answer429WithRetryAfter() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
        try (VexillaServer server = VexillaServer.start(
                EvaluationFixtures.options(dir).rateLimit(2).build(), ConfigValidators.engine(), frozen, null)) {
            assertThat(EvaluationFixtures.post(server, "/v1/variables/supportTier", ADA)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(EvaluationFixtures.ofrep(
                                    server,
                                    "/ofrep/v1/evaluate/flags/supportTier",
                                    "{\"context\":{\"targetingKey\":\"u\"}}")
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> v1 = EvaluationFixtures.post(server, "/v1/variables", ADA);
            HttpResponse<String> ofrep = EvaluationFixtures.ofrep(
                    server, "/ofrep/v1/evaluate/flags", "{\"context\":{\"targetingKey\":\"u\"}}");

            assertThat(v1.statusCode()).isEqualTo(429);
            assertThat(v1.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(EvaluationFixtures.json(v1).get("statusCode").asInt()).isEqualTo(429);
            assertThat(ofrep.statusCode()).isEqualTo(429);
            assertThat(ofrep.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(EvaluationFixtures.json(ofrep).get("errorDetails").asText())
                    .contains("retry after");
            assertThat(TestServers.postJson(server, "/v1/variables", TestServers.KEY_B, ADA)
                            .statusCode())
                    .as("another config has its own bucket")
                    .isEqualTo(200);
        }
    }
}
