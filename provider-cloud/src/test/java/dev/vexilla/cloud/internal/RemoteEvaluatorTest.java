package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.cloud.Protocol;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RemoteEvaluatorTest {
    private final RemoteEvaluator evaluator = new RemoteEvaluator(CloudOptions.builder()
            .sdkKey("cloud-test-key-0123456789abcdef")
            .baseUrl(URI.create("http://127.0.0.1:9/"))
            .protocol(Protocol.OFREP)
            .clock(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC))
            .environment(Map.of())
            .build());

    @Test
    void retryAfterAcceptsSecondsAndHttpDatesAndFallsBackToOneSecond() {
        assertThat(evaluator.retryAfterMillis("7")).isEqualTo(7000);
        assertThat(evaluator.retryAfterMillis("Sun, 22 Nov 2026 00:00:30 GMT")).isEqualTo(30_000);
        assertThat(evaluator.retryAfterMillis("Sat, 21 Nov 2026 23:00:00 GMT")).isZero();
        assertThat(evaluator.retryAfterMillis(null)).isEqualTo(RemoteEvaluator.DEFAULT_RETRY_AFTER_MILLIS);
        assertThat(evaluator.retryAfterMillis("soon")).isEqualTo(RemoteEvaluator.DEFAULT_RETRY_AFTER_MILLIS);
        assertThat(evaluator.retryAfterMillis("-3")).isZero();
        evaluator.close();
        evaluator.close();
    }

    @Test
    void trackingGoesBelowTheBaseUrlsPathUnderEitherProtocol() {
        for (Protocol protocol : Protocol.values()) {
            RemoteEvaluator prefixed = new RemoteEvaluator(CloudOptions.builder()
                    .sdkKey("cloud-test-key-0123456789abcdef")
                    .baseUrl(URI.create("https://flags.example.com/vexilla"))
                    .protocol(protocol)
                    .environment(Map.of())
                    .build());
            try {
                assertThat(prefixed.trackUri()).hasToString("https://flags.example.com/vexilla/v1/track");
            } finally {
                prefixed.close();
            }
        }
    }
}
