package dev.vexilla.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.local.internal.http.FetchResult.FailureKind;
import dev.vexilla.local.internal.http.FetchResult.Kind;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class FetchResultTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void fetchedCarriesJsonEtagAndTime() {
        FetchResult result = FetchResult.fetched("{\"f\":{}}", "\"e\"", NOW);

        assertThat(result.kind()).isEqualTo(Kind.FETCHED);
        assertThat(result.json()).isEqualTo("{\"f\":{}}");
        assertThat(result.etag()).contains("\"e\"");
        assertThat(result.fetchTime()).isEqualTo(NOW);
        assertThat(result.toString()).contains("FETCHED", "jsonLength=8").doesNotContain("\"f\"");
    }

    @Test
    void emptyEtagCountsAsNone() {
        assertThat(FetchResult.fetched("{}", "", NOW).etag()).isEmpty();
    }

    @Test
    void accessorsOfAnotherKindThrow() {
        FetchResult notModified = FetchResult.notModified(NOW);
        FetchResult failed = FetchResult.failed(FailureKind.PERMANENT, 403, "HTTP 403", NOW);

        assertThat(notModified.httpStatus()).isEqualTo(OptionalInt.of(304));
        assertThatThrownBy(notModified::json).hasMessage("only a FETCHED result has this, this one is NOT_MODIFIED");
        assertThatThrownBy(notModified::failureKind).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(failed::etag).isInstanceOf(IllegalStateException.class);
        assertThat(failed.failureKind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(failed.message()).isEqualTo("HTTP 403");
    }

    @Test
    void failureWithoutResponseHasNoStatus() {
        FetchResult failed = FetchResult.failed(FailureKind.TRANSIENT, 0, "connection refused", NOW);

        assertThat(failed.httpStatus()).isEmpty();
        assertThat(failed.toString()).contains("TRANSIENT", "connection refused");
    }

    @Test
    void equalResultsAreEqual() {
        assertThat(FetchResult.notModified(NOW))
                .isEqualTo(FetchResult.notModified(NOW))
                .hasSameHashCodeAs(FetchResult.notModified(NOW))
                .isNotEqualTo(FetchResult.notModified(NOW.plusSeconds(1)));
    }
}
