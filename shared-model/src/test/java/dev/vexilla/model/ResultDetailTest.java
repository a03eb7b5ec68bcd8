package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ResultDetailTest {

    private static ResultDetail split() {
        return ResultDetail.builder()
                .feature("f-id", "checkout", "experiment")
                .variation("v-id", "treatment", "Treatment")
                .target("t-id")
                .reason(ResultReason.SPLIT, "Random Distribution | All Users")
                .build();
    }

    @Test
    void builderKeepsEveryPart() {
        ResultDetail d = split();

        assertThat(d.featureId()).isEqualTo("f-id");
        assertThat(d.featureKey()).isEqualTo("checkout");
        assertThat(d.featureType()).isEqualTo("experiment");
        assertThat(d.variationId()).isEqualTo("v-id");
        assertThat(d.variationKey()).isEqualTo("treatment");
        assertThat(d.variationName()).isEqualTo("Treatment");
        assertThat(d.targetId()).isEqualTo("t-id");
        assertThat(d.reason()).isEqualTo(ResultReason.SPLIT);
        assertThat(d.reasonDetails()).isEqualTo("Random Distribution | All Users");
    }

    @Test
    void notTargetedHasTheFeatureReasonDefaultAndNoVariationOrTarget() {
        ResultDetail d = ResultDetail.notTargeted("f-id", "checkout", "release");

        assertThat(d.reason()).isEqualTo(ResultReason.DEFAULT);
        assertThat(d.reasonDetails()).isEqualTo(ResultDetail.USER_NOT_TARGETED);
        assertThat(d.featureKey()).isEqualTo("checkout");
        assertThat(d.variationKey()).isNull();
        assertThat(d.targetId()).isNull();
    }

    @Test
    void equalPartsMakeEqualDetails() {
        assertThat(split()).isEqualTo(split()).hasSameHashCodeAs(split());
        assertThat(split()).isNotEqualTo(ResultDetail.notTargeted("f-id", "checkout", "experiment"));
        assertThat(split().toString()).contains("checkout", "treatment", "t-id", "SPLIT");
    }

    @Test
    void reasonErrorIsRejected() {
        assertThatThrownBy(() -> ResultDetail.builder().reason(ResultReason.ERROR, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ERROR");
    }
}
