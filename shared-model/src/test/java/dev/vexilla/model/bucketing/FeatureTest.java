package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static dev.vexilla.model.RoundTrips.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class FeatureTest {

    @Test
    void featuresMapRoundTripsUnchanged() throws Exception {
        Map<String, Feature> map = assertRoundTrip(resource("bucketing/features-map.json"), Feature.MAP_TYPE);

        Feature f = map.get("checkout");
        assertThat(f.key()).isEqualTo("checkout");
        assertThat(f.id()).isEqualTo("614ef6aa473928459060721a");
        assertThat(f.type()).isEqualTo("release");
        assertThat(f.variationId()).isEqualTo("615357cf7e9ebdca58446ed0");
        assertThat(f.variationKey()).isEqualTo("variation-on");
        assertThat(f.variationName()).isEqualTo("Variation On");
        assertThat(f.eval().reason()).isEqualTo("SPLIT");
    }

    @Test
    void valueSemantics() {
        Feature a = new Feature("1", "k", "ops", "v", "vk", "vn", new EvalReason("DEFAULT", null, null));
        Feature b = new Feature("1", "k", "ops", "v", "vk", "vn", new EvalReason("DEFAULT", null, null));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("k").contains("vk");
    }
}
