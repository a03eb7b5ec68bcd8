package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ImmutableMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FlagMetadataTest {

    private static final Instant FETCHED = Instant.ofEpochMilli(1_700_000_123_456L);
    private final FlagMetadata meta = FlagMetadata.of("W/\"abc\"", "config-42", FETCHED);

    @Test
    void baseMetadataHasVersionFlagSetIdAndFetchTime() {
        ImmutableMetadata m = meta.metadata();

        assertThat(m.getString(FlagMetadata.VERSION)).isEqualTo("W/\"abc\"");
        assertThat(m.getString(FlagMetadata.FLAG_SET_ID)).isEqualTo("config-42");
        assertThat(m.getLong(FlagMetadata.FETCH_TIME)).isEqualTo(1_700_000_123_456L);
        assertThat(m.getInteger(FlagMetadata.RULE_INDEX)).isNull();
        assertThat(m.getInteger(FlagMetadata.PERCENTAGE_OPTION_INDEX)).isNull();
    }

    @Test
    void indexesAppearOnlyWhenPresent() {
        assertThat(meta.metadata(2, EvaluationResult.NONE).asUnmodifiableMap())
                .containsEntry(FlagMetadata.RULE_INDEX, 2)
                .doesNotContainKey(FlagMetadata.PERCENTAGE_OPTION_INDEX);
        assertThat(meta.metadata(EvaluationResult.NONE, 3).asUnmodifiableMap())
                .containsEntry(FlagMetadata.PERCENTAGE_OPTION_INDEX, 3)
                .doesNotContainKey(FlagMetadata.RULE_INDEX);
        assertThat(meta.metadata(1, 0).asUnmodifiableMap())
                .containsEntry(FlagMetadata.RULE_INDEX, 1)
                .containsEntry(FlagMetadata.PERCENTAGE_OPTION_INDEX, 0);
    }

    @Test
    void metadataIsCachedPerIndexPair() {
        assertThat(meta.metadata(0, 1)).isSameAs(meta.metadata(0, 1));
        assertThat(meta.metadata(-1, -1)).isSameAs(meta.metadata());
        assertThat(meta.metadata(FlagMetadata.MAX_CACHED_INDEX, FlagMetadata.MAX_CACHED_INDEX))
                .isSameAs(meta.metadata(FlagMetadata.MAX_CACHED_INDEX, FlagMetadata.MAX_CACHED_INDEX));
        assertThat(meta.metadata(0, 1)).isNotSameAs(meta.metadata(1, 0));
    }

    @Test
    void indexesBeyondTheCacheAreStillCorrect() {
        int big = FlagMetadata.MAX_CACHED_INDEX + 1;

        assertThat(meta.metadata(big, -1).getInteger(FlagMetadata.RULE_INDEX)).isEqualTo(big);
    }

    @Test
    void metadataForUsesTheResultIndexes() {
        EvaluationResult r = EvaluationResult.success("x", "v", ResultReason.SPLIT, 4, 1);

        assertThat(meta.metadataFor(r)).isSameAs(meta.metadata(4, 1));
    }

    @Test
    void negativeIndexesBelowNoneAreRejected() {
        assertThatThrownBy(() -> meta.metadata(-2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ruleIndex=-2");
    }

    @Test
    void wireRoundTripRestoresTypes() {
        Map<String, Object> wire = FlagMetadata.toWire(meta.metadata(3, 0));
        // as Jackson reads it back: small numbers arrive as Integer, the fetch time as Long
        Map<String, Object> read = new LinkedHashMap<>(wire);

        ImmutableMetadata back = FlagMetadata.fromWire(read);

        assertThat(back).isEqualTo(meta.metadata(3, 0));
    }

    @Test
    void fromWireForcesFetchTimeToLongAndKeepsOtherTypes() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put(FlagMetadata.FETCH_TIME, 5);
        wire.put("big", 5_000_000_000L);
        wire.put("ratio", 0.5);
        wire.put("on", true);
        wire.put("nested", new LinkedHashMap<>());

        ImmutableMetadata m = FlagMetadata.fromWire(wire);

        assertThat(m.getLong(FlagMetadata.FETCH_TIME)).isEqualTo(5L);
        assertThat(m.getLong("big")).isEqualTo(5_000_000_000L);
        assertThat(m.getDouble("ratio")).isEqualTo(0.5);
        assertThat(m.getBoolean("on")).isTrue();
        assertThat(m.asUnmodifiableMap()).doesNotContainKey("nested");
        assertThat(FlagMetadata.fromWire(null)).isSameAs(ImmutableMetadata.EMPTY);
    }

    @Test
    void valueSemantics() {
        FlagMetadata same = FlagMetadata.of("W/\"abc\"", "config-42", FETCHED);

        assertThat(meta).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(meta.toString()).contains("config-42");
        assertThat(meta.version()).isEqualTo("W/\"abc\"");
        assertThat(meta.flagSetId()).isEqualTo("config-42");
        assertThat(meta.fetchTime()).isEqualTo(FETCHED);
    }

    @Test
    void devCycleDetailAddsItsKeysAndIsCachedPerDetail() {
        ResultDetail detail = ResultDetail.builder()
                .feature("f-1", "feature", "release")
                .variation("var-1", "on", "On")
                .target("t-1")
                .reason(ResultReason.SPLIT, "Rollout | All Users")
                .build();
        EvaluationResult result = EvaluationResult.success(true, "on", detail);

        ImmutableMetadata m = meta.metadataFor(result);

        assertThat(m.getString(FlagMetadata.FEATURE_KEY)).isEqualTo("feature");
        assertThat(m.getString(FlagMetadata.FEATURE_ID)).isEqualTo("f-1");
        assertThat(m.getString(FlagMetadata.VARIATION_ID)).isEqualTo("var-1");
        assertThat(m.getString(FlagMetadata.VARIATION_KEY)).isEqualTo("on");
        assertThat(m.getString(FlagMetadata.TARGET_ID)).isEqualTo("t-1");
        assertThat(m.getString(FlagMetadata.EVAL_REASON_DETAILS)).isEqualTo("Rollout | All Users");
        assertThat(m.getString(FlagMetadata.VERSION)).isEqualTo("W/\"abc\"");
        assertThat(meta.metadataFor(EvaluationResult.success(true, "on", detail)))
                .isSameAs(m);
    }

    @Test
    void notTargetedDetailHasNoVariationOrTargetKeys() {
        ImmutableMetadata m = meta.metadataFor(ResultDetail.notTargeted(null, null, null));

        assertThat(m.asUnmodifiableMap())
                .containsOnlyKeys(
                        FlagMetadata.VERSION,
                        FlagMetadata.FLAG_SET_ID,
                        FlagMetadata.FETCH_TIME,
                        FlagMetadata.EVAL_REASON_DETAILS);
    }
}
