package dev.vexilla.model.events;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.bucketing.DevCycleUser;
import org.junit.jupiter.api.Test;

final class UserEventsTest {

    @Test
    void missingUserIsATypedErrorWithPath() {
        assertThatThrownBy(() -> ObjectMappers.read(MAPPER, "{\"batch\":[{\"events\":[]}]}", EventsBatch.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$.batch[0]: user is required");
    }

    @Test
    void valueSemantics() {
        UserEvents a = new UserEvents(DevCycleUser.builder().userId("u").build(), null);

        assertThat(a.events()).isEmpty();
        assertThat(a)
                .isEqualTo(new UserEvents(DevCycleUser.builder().userId("u").build(), null));
        assertThat(a.hashCode())
                .isEqualTo(new UserEvents(DevCycleUser.builder().userId("u").build(), null).hashCode());
        assertThat(a.toString()).contains("u");
    }
}
