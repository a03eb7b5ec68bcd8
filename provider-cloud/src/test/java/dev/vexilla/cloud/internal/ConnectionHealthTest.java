package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ProviderEvent;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

final class ConnectionHealthTest {
    private Instant now = Instant.parse("2026-11-22T00:00:00Z");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ConnectionHealth health = new ConnectionHealth(
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            10_000,
            (event, details) ->
                    events.add(event.name() + (details.getErrorCode() == null ? "" : ":" + details.getErrorCode())));

    private static RemoteAnswer ok() {
        return RemoteAnswer.answered(
                EvaluationResult.success(true, "v", ResultReason.STATIC, -1, -1),
                dev.openfeature.sdk.ImmutableMetadata.EMPTY);
    }

    @Test
    void failuresGoStaleThenErrorAfterTheGracePeriodAndRecoverOnce() {
        health.record(ok());
        health.record(RemoteAnswer.failed("down"));
        health.record(RemoteAnswer.failed("down"));
        now = now.plusSeconds(10);
        health.record(RemoteAnswer.failed("down"));
        health.record(RemoteAnswer.failed("down"));
        health.record(ok());
        health.record(ok());
        assertThat(events)
                .containsExactly(
                        ProviderEvent.PROVIDER_STALE.name(),
                        ProviderEvent.PROVIDER_ERROR.name() + ":" + ErrorCode.GENERAL,
                        ProviderEvent.PROVIDER_READY.name());
        assertThat(health.state()).isEqualTo(ConnectionHealth.State.READY);
    }

    @Test
    void refusedKeyIsFinal() {
        health.record(RemoteAnswer.fatal("401"));
        health.record(RemoteAnswer.fatal("401"));
        health.record(ok());
        assertThat(events).containsExactly(ProviderEvent.PROVIDER_ERROR.name() + ":" + ErrorCode.PROVIDER_FATAL);
        assertThat(health.isFatal()).isTrue();
    }

    @Test
    void rateLimitBlocksUntilTheRetryTimeWithoutEvents() {
        health.record(RemoteAnswer.rateLimited(now.toEpochMilli() + 3000));
        assertThat(health.isRateLimited()).isTrue();
        now = now.plusMillis(2999);
        assertThat(health.isRateLimited()).isTrue();
        now = now.plusMillis(1);
        assertThat(health.isRateLimited()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void failedInitializationRecoversWithReady() {
        health.initializationFailed(false, "down");
        health.record(ok());
        assertThat(events).containsExactly(ProviderEvent.PROVIDER_READY.name());
    }

    @Test
    void localErrorsDoNotChangeHealth() {
        health.record(RemoteAnswer.local(ErrorKind.TARGETING_KEY_MISSING, "no key"));
        assertThat(events).isEmpty();
        assertThat(health.state()).isEqualTo(ConnectionHealth.State.READY);
    }
}
