package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultReason;
import org.junit.jupiter.api.Test;

final class VexillaDetailsTest {

    @Test
    void successCarriesReasonVariantAndMetadata() throws Exception {
        ImmutableMetadata meta =
                ImmutableMetadata.builder().addString("version", "v1").build();
        VexillaDetails d = VexillaDetails.of(EvaluationResult.success(1, "var", ResultReason.SPLIT, -1, 0), meta);

        String json = MAPPER.writeValueAsString(d);

        assertThat(json).isEqualTo("{\"reason\":\"SPLIT\",\"variant\":\"var\",\"metadata\":{\"version\":\"v1\"}}");
        assertThat(d.errorKind()).isNull();
        assertThat(ObjectMappers.read(MAPPER, json, VexillaDetails.class)).isEqualTo(d);
    }

    @Test
    void errorCarriesCodeAndMessage() throws Exception {
        VexillaDetails d = VexillaDetails.error(ErrorKind.PROVIDER_NOT_READY, "no config yet");

        String json = MAPPER.writeValueAsString(d);

        assertThat(json)
                .isEqualTo("{\"reason\":\"ERROR\",\"errorCode\":\"PROVIDER_NOT_READY\","
                        + "\"errorMessage\":\"no config yet\"}");
        assertThat(d.errorKind()).isEqualTo(ErrorKind.PROVIDER_NOT_READY);
    }

    @Test
    void unknownErrorCodeIsGeneralAndMissingReasonIsDerived() {
        VexillaDetails d = new VexillaDetails(null, null, "SOMETHING_NEW", "x", null);

        assertThat(d.errorKind()).isEqualTo(ErrorKind.GENERAL);
        assertThat(d.reason()).isEqualTo("ERROR");
        assertThat(new VexillaDetails(null, null, null, null, null).reason()).isEqualTo("UNKNOWN");
        assertThat(d.toString()).contains("SOMETHING_NEW");
        assertThat(d.flagMetadata()).isSameAs(ImmutableMetadata.EMPTY);
    }
}
