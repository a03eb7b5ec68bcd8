package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Objects;
import org.junit.jupiter.api.Test;

final class EvaluationResultTest {

    @Test
    void successKeepsEveryPartItWasGiven() {
        EvaluationResult r = EvaluationResult.success("large", "v-3", ResultReason.SPLIT, 2, 1);

        assertThat(r.value()).isEqualTo("large");
        assertThat(r.variationId()).isEqualTo("v-3");
        assertThat(r.reason()).isEqualTo(ResultReason.SPLIT);
        assertThat(r.ruleIndex()).isEqualTo(2);
        assertThat(r.optionIndex()).isEqualTo(1);
        assertThat(r.errorKind()).isNull();
        assertThat(r.errorMessage()).isNull();
        assertThat(r.isError()).isFalse();
    }

    @Test
    void everyReasonAndTheNoneIndexesRoundTrip() {
        for (ResultReason reason : ResultReason.values()) {
            if (reason == ResultReason.ERROR) {
                continue;
            }
            EvaluationResult r =
                    EvaluationResult.success(true, null, reason, EvaluationResult.NONE, EvaluationResult.NONE);

            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.ruleIndex()).isEqualTo(EvaluationResult.NONE);
            assertThat(r.optionIndex()).isEqualTo(EvaluationResult.NONE);
            assertThat(r.variationId()).isNull();
        }
    }

    @Test
    void indexesAtAndBeyondThePackedRangeRoundTrip() {
        int[] indexes = {0, 4094, 4095, 65534, 65535, 1_000_000, Integer.MAX_VALUE};
        for (int rule : indexes) {
            for (int option : indexes) {
                EvaluationResult r = EvaluationResult.success(7L, "id", ResultReason.SPLIT, rule, option);

                assertThat(r.ruleIndex()).as("rule %d option %d", rule, option).isEqualTo(rule);
                assertThat(r.optionIndex())
                        .as("rule %d option %d", rule, option)
                        .isEqualTo(option);
                assertThat(r.value()).isEqualTo(7L);
                assertThat(r.reason()).isEqualTo(ResultReason.SPLIT);
                assertThat(r.isError()).isFalse();
            }
        }
    }

    @Test
    void errorHasKindMessageAndNoValue() {
        EvaluationResult r = EvaluationResult.error(ErrorKind.FLAG_NOT_FOUND, "Flag 'x' is not in the config.");

        assertThat(r.isError()).isTrue();
        assertThat(r.reason()).isEqualTo(ResultReason.ERROR);
        assertThat(r.errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(r.errorMessage()).isEqualTo("Flag 'x' is not in the config.");
        assertThat(r.value()).isNull();
        assertThat(r.variationId()).isNull();
        assertThat(r.ruleIndex()).isEqualTo(EvaluationResult.NONE);
        assertThat(r.optionIndex()).isEqualTo(EvaluationResult.NONE);
    }

    @Test
    void equalityAndHashCodeFollowEveryPart() {
        EvaluationResult a = EvaluationResult.success(3, "v", ResultReason.TARGETING_MATCH, 1, EvaluationResult.NONE);
        EvaluationResult same =
                EvaluationResult.success(3, "v", ResultReason.TARGETING_MATCH, 1, EvaluationResult.NONE);

        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(EvaluationResult.success(3, "v", ResultReason.TARGETING_MATCH, 2, -1));
        assertThat(a).isNotEqualTo(EvaluationResult.success(3, "v", ResultReason.TARGETING_MATCH, 1, 0));
        assertThat(a).isNotEqualTo(EvaluationResult.success(3L, "v", ResultReason.TARGETING_MATCH, 1, -1));
        assertThat(a).isNotEqualTo(EvaluationResult.success(3, "w", ResultReason.TARGETING_MATCH, 1, -1));
        assertThat(a).isNotEqualTo(a.withReason(ResultReason.CACHED));
        assertThat(EvaluationResult.error(ErrorKind.GENERAL, "m"))
                .isEqualTo(EvaluationResult.error(ErrorKind.GENERAL, "m"))
                .isNotEqualTo(EvaluationResult.error(ErrorKind.PARSE_ERROR, "m"))
                .isNotEqualTo(EvaluationResult.error(ErrorKind.GENERAL, "n"));
    }

    @Test
    void hashCodeIsTheHashOfTheSevenParts() {
        EvaluationResult success = EvaluationResult.success("x", "id", ResultReason.SPLIT, 70_000, 3);
        EvaluationResult error = EvaluationResult.error(ErrorKind.TYPE_MISMATCH, "bad");

        assertThat(success.hashCode()).isEqualTo(Objects.hash("x", "id", ResultReason.SPLIT, null, null, 70_000, 3));
        assertThat(error.hashCode())
                .isEqualTo(Objects.hash(null, null, ResultReason.ERROR, ErrorKind.TYPE_MISMATCH, "bad", -1, -1));
    }

    @Test
    void toStringShowsOnlyTheIndexesThatApply() {
        assertThat(EvaluationResult.success(true, "v", ResultReason.STATIC, -1, -1))
                .hasToString("EvaluationResult{value=true, variationId=v, reason=STATIC}");
        assertThat(EvaluationResult.success(1.5, null, ResultReason.SPLIT, 0, 2))
                .hasToString("EvaluationResult{value=1.5, variationId=null, reason=SPLIT, ruleIndex=0, optionIndex=2}");
        assertThat(EvaluationResult.error(ErrorKind.PARSE_ERROR, "broken"))
                .hasToString("EvaluationResult{ERROR PARSE_ERROR: broken}");
    }

    @Test
    void withReasonKeepsValueVariationAndIndexes() {
        EvaluationResult r = EvaluationResult.success("on", "v1", ResultReason.SPLIT, 100_000, 5);

        EvaluationResult cached = r.withReason(ResultReason.CACHED);

        assertThat(cached.reason()).isEqualTo(ResultReason.CACHED);
        assertThat(cached.value()).isEqualTo("on");
        assertThat(cached.variationId()).isEqualTo("v1");
        assertThat(cached.ruleIndex()).isEqualTo(100_000);
        assertThat(cached.optionIndex()).isEqualTo(5);
        assertThat(r.withReason(ResultReason.SPLIT)).isSameAs(r);
        assertThatThrownBy(() -> EvaluationResult.error(ErrorKind.GENERAL, "e").withReason(ResultReason.CACHED))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidSuccessArgumentsAreRejected() {
        assertThatThrownBy(() -> EvaluationResult.success(true, null, ResultReason.ERROR, -1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ERROR");
        assertThatThrownBy(() -> EvaluationResult.success(true, null, ResultReason.STATIC, -2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indexes must be >= -1, were ruleIndex=-2, optionIndex=-1");
        assertThatThrownBy(() -> EvaluationResult.success(null, null, ResultReason.STATIC, -1, -1))
                .isInstanceOf(NullPointerException.class);
    }

    private static ResultDetail detail(ResultReason reason) {
        return ResultDetail.builder()
                .feature("f", "feature", "release")
                .variation("v", "on", "On")
                .target("t")
                .reason(reason, "All Users")
                .build();
    }

    @Test
    void devCycleSuccessTakesItsReasonFromTheDetailAndKeepsIt() {
        ResultDetail detail = detail(ResultReason.SPLIT);

        EvaluationResult r = EvaluationResult.success(2.5, "on", detail);

        assertThat(r.value()).isEqualTo(2.5);
        assertThat(r.variationId()).isEqualTo("on");
        assertThat(r.reason()).isEqualTo(ResultReason.SPLIT);
        assertThat(r.detail()).isSameAs(detail);
        assertThat(r.isDefaulted()).isFalse();
        assertThat(r.ruleIndex()).isEqualTo(EvaluationResult.NONE);
        assertThat(r).isEqualTo(EvaluationResult.success(2.5, "on", detail(ResultReason.SPLIT)));
        assertThat(r).isNotEqualTo(EvaluationResult.success(2.5, "on", detail(ResultReason.TARGETING_MATCH)));
        assertThat(r.toString()).contains("detail=");
    }

    @Test
    void defaultedHasNoValueNoErrorAndReasonDefault() {
        EvaluationResult r = EvaluationResult.defaulted(ResultDetail.notTargeted("f", "feature", "ops"));

        assertThat(r.isDefaulted()).isTrue();
        assertThat(r.isError()).isFalse();
        assertThat(r.value()).isNull();
        assertThat(r.errorKind()).isNull();
        assertThat(r.reason()).isEqualTo(ResultReason.DEFAULT);
        assertThat(Objects.requireNonNull(r.detail()).reasonDetails()).isEqualTo(ResultDetail.USER_NOT_TARGETED);
        assertThat(r.withReason(ResultReason.CACHED).isDefaulted()).isTrue();
        assertThat(r.withReason(ResultReason.CACHED).detail()).isEqualTo(r.detail());
    }

    @Test
    void devCycleFactoriesRejectReasonsThatContradictThem() {
        assertThatThrownBy(() -> EvaluationResult.defaulted(detail(ResultReason.TARGETING_MATCH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluationResult.success(true, "on", ResultDetail.notTargeted(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configCatResultsCarryNoDetail() {
        assertThat(EvaluationResult.success(true, "v", ResultReason.STATIC, -1, -1)
                        .detail())
                .isNull();
        assertThat(EvaluationResult.error(ErrorKind.GENERAL, "x").detail()).isNull();
        assertThat(EvaluationResult.success(true, "v", ResultReason.STATIC, -1, -1)
                        .isDefaulted())
                .isFalse();
    }
}
