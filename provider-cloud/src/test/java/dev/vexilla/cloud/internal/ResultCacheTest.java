package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.cloud.CloudCache;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class ResultCacheTest {
    private final ResultCache cache = new ResultCache(
            CloudCache.lru(2, Duration.ofSeconds(30)),
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    private static User user(String id) {
        return User.builder().identifier(id).email(id + "@example.com").build();
    }

    private static RemoteAnswer answer(Object value) {
        return RemoteAnswer.answered(
                EvaluationResult.success(value, "v1", ResultReason.TARGETING_MATCH, 0, -1), ImmutableMetadata.EMPTY);
    }

    @Test
    void leastRecentlyUsedEntryIsEvictedBeyondTheBound() {
        cache.put("a", FlagValueType.BOOLEAN, user("1"), answer(true));
        cache.put("b", FlagValueType.BOOLEAN, user("1"), answer(true));
        assertThat(cache.get("a", FlagValueType.BOOLEAN, user("1"))).isNotNull();
        cache.put("c", FlagValueType.BOOLEAN, user("1"), answer(true));
        assertThat(cache.get("b", FlagValueType.BOOLEAN, user("1"))).isNull();
        assertThat(cache.get("a", FlagValueType.BOOLEAN, user("1"))).isNotNull();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void hitsAreMarkedCachedAndKeyedByTypeAndUser() {
        cache.put("a", FlagValueType.INTEGER, user("1"), answer(5));
        RemoteAnswer hit = cache.get("a", FlagValueType.INTEGER, user("1"));
        assertThat(hit).isNotNull();
        assertThat(hit.result().reason()).isEqualTo(ResultReason.CACHED);
        assertThat(hit.result().value()).isEqualTo(5);
        assertThat(hit.result().variationId()).isEqualTo("v1");
        assertThat(cache.get("a", FlagValueType.LONG, user("1"))).isNull();
        assertThat(cache.get("a", FlagValueType.INTEGER, user("2"))).isNull();
    }

    @Test
    void errorsAndFailuresAreNotStoredAndClearEmptiesTheCache() {
        cache.put("a", FlagValueType.BOOLEAN, user("1"), RemoteAnswer.failed("down"));
        assertThat(cache.size()).isZero();
        cache.put("a", FlagValueType.BOOLEAN, user("1"), answer(true));
        cache.clear();
        assertThat(cache.get("a", FlagValueType.BOOLEAN, user("1"))).isNull();
    }

    @Test
    void theWholeUserIsTheKeyAndNoContextIsNotAnEmptyUser() {
        cache.put("a", FlagValueType.BOOLEAN, user("1"), answer(true));
        cache.put("a", FlagValueType.BOOLEAN, ResultCache.NO_CONTEXT, answer(false));

        assertThat(cache.get("a", FlagValueType.BOOLEAN, user("1"))).isNotNull();
        assertThat(cache.get(
                        "a",
                        FlagValueType.BOOLEAN,
                        User.builder().identifier("1").build()))
                .as("same key, another e-mail")
                .isNull();
        assertThat(cache.get("a", FlagValueType.BOOLEAN, User.empty()))
                .as("a context whose attributes map to nothing is not an empty context")
                .isNull();
        assertThat(cache.get("a", FlagValueType.BOOLEAN, ResultCache.NO_CONTEXT))
                .isNotNull();
    }
}
