package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static dev.vexilla.model.RoundTrips.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TrackRequestTest {

    @Test
    void trackRequestRoundTripsUnchanged() throws Exception {
        TrackRequest req = assertRoundTrip(resource("bucketing/track-request.json"), TrackRequest.class);

        assertThat(req.user().userId()).isEqualTo("user-42");
        assertThat(req.events()).hasSize(2);
    }

    @Test
    void userIsRequired() {
        assertThatThrownBy(() -> new TrackRequest(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user is required");
    }

    @Test
    void valueSemanticsAndDefaults() {
        TrackRequest a = new TrackRequest(DevCycleUser.builder().userId("u").build(), null);

        assertThat(a.events()).isEmpty();
        assertThat(a)
                .isEqualTo(new TrackRequest(DevCycleUser.builder().userId("u").build(), null));
        assertThat(a.hashCode())
                .isEqualTo(new TrackRequest(DevCycleUser.builder().userId("u").build(), null).hashCode());
        assertThat(a.toString()).contains("u");
    }
}
