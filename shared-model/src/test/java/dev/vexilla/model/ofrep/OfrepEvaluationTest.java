package dev.vexilla.model.ofrep;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.ResultReason;
import dev.vexilla.model.WirePayloadException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class OfrepEvaluationTest {

    private static final FlagMetadata META =
            FlagMetadata.of("etag-3", "cfg-9", Instant.ofEpochMilli(1_700_000_000_000L));

    @Test
    void specSuccessExampleRoundTrips() throws Exception {
        OfrepEvaluation e =
                assertRoundTrip(OpenApiExamples.response(OpenApiExamples.SINGLE, 200), OfrepEvaluation.class);

        assertThat(e.isError()).isFalse();
        assertThat(e.toEvaluationResult())
                .contains(EvaluationResult.success(true, "enabled", ResultReason.TARGETING_MATCH, -1, -1));
    }

    @Test
    void specInvalidContextExampleRoundTrips() throws Exception {
        OfrepEvaluation e =
                assertRoundTrip(OpenApiExamples.response(OpenApiExamples.SINGLE, 400), OfrepEvaluation.class);

        assertThat(e.isError()).isTrue();
        EvaluationResult r = e.toEvaluationResult().orElseThrow();
        assertThat(r.errorKind()).isEqualTo(ErrorKind.INVALID_CONTEXT);
        assertThat(r.errorMessage()).isEqualTo("Context is missing required targetingKey property");
    }

    @Test
    void specFlagNotFoundExampleRoundTrips() throws Exception {
        OfrepEvaluation e =
                assertRoundTrip(OpenApiExamples.response(OpenApiExamples.SINGLE, 404), OfrepEvaluation.class);

        assertThat(e.toEvaluationResult().orElseThrow().errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
        assertThat(OfrepErrorCodes.httpStatus(ErrorKind.FLAG_NOT_FOUND)).isEqualTo(404);
    }

    static Stream<EvaluationResult> results() {
        return Stream.of(
                EvaluationResult.success(false, "off", ResultReason.STATIC, -1, -1),
                EvaluationResult.success("blue", "v-blue", ResultReason.TARGETING_MATCH, 2, -1),
                EvaluationResult.success(3, "v3", ResultReason.SPLIT, -1, 1),
                EvaluationResult.success(9_000_000_000L, null, ResultReason.DEFAULT, -1, -1),
                EvaluationResult.success(0.5, "half", ResultReason.SPLIT, 0, 0),
                EvaluationResult.success("[1,2]", "arr", ResultReason.CACHED, -1, -1),
                EvaluationResult.error(ErrorKind.PARSE_ERROR, "bad config"),
                EvaluationResult.error(ErrorKind.PROVIDER_NOT_READY, "no config yet"));
    }

    @ParameterizedTest
    @MethodSource("results")
    void serverResultIsReproducedExactlyByTheClient(EvaluationResult result) throws Exception {
        ImmutableMetadata metadata = META.metadataFor(result);

        byte[] json = MAPPER.writeValueAsBytes(OfrepEvaluation.fromResult("flag", result, metadata));
        OfrepEvaluation read = ObjectMappers.read(MAPPER, json, OfrepEvaluation.class);

        assertThat(read.toEvaluationResult()).contains(result);
        assertThat(read.flagMetadata()).isEqualTo(metadata);
    }

    @Test
    void objectValueFromAThirdPartyServerBecomesJsonText() throws Exception {
        String json = "{\"key\":\"theme\",\"value\":{\"color\":\"blue\"},\"reason\":\"STATIC\"}";

        EvaluationResult r = ObjectMappers.read(MAPPER, json, OfrepEvaluation.class)
                .toEvaluationResult()
                .orElseThrow();

        assertThat(r.value()).isEqualTo("{\"color\":\"blue\"}");
    }

    /** A DevCycle JSON variable's value is a map or a list (as Jackson reads JSON); OFREP must carry it as that JSON. */
    @ParameterizedTest
    @ValueSource(
            strings = {"{\"color\":\"blue\",\"sizes\":[1,2.5,9000000000],\"on\":true,\"n\":null}", "[\"a\",{\"b\":[]}]"
            })
    void devCycleJsonValueGoesOutAsThatJsonAndComesBackAsItsText(String config) throws Exception {
        Object value = MAPPER.readValue(config, Object.class);
        EvaluationResult result = EvaluationResult.success(value, "variation-7", ResultReason.TARGETING_MATCH, 0, -1);
        ImmutableMetadata metadata = META.metadataFor(result);

        String json = MAPPER.writeValueAsString(OfrepEvaluation.fromResult("style", result, metadata));
        OfrepEvaluation read = ObjectMappers.read(MAPPER, json, OfrepEvaluation.class);

        assertThat(MAPPER.readTree(json).get("value")).isEqualTo(MAPPER.readTree(config));
        assertThat(read.value()).isEqualTo(MAPPER.readTree(config));
        EvaluationResult back = read.toEvaluationResult().orElseThrow();
        assertThat(MAPPER.readTree((String) back.value())).isEqualTo(MAPPER.readTree(config));
        assertThat(back.variationId()).isEqualTo("variation-7");
        assertThat(back.reason()).isEqualTo(ResultReason.TARGETING_MATCH);
    }

    @Test
    void successWithoutValueMeansUseTheCodeDefault() throws Exception {
        OfrepEvaluation e =
                ObjectMappers.read(MAPPER, "{\"key\":\"k\",\"reason\":\"DISABLED\"}", OfrepEvaluation.class);

        assertThat(e.toEvaluationResult()).isEmpty();
        assertThat(e.value()).isNull();
    }

    @Test
    void unknownReasonBecomesDefaultAndUnknownErrorCodeGeneral() throws Exception {
        OfrepEvaluation unknownReason =
                ObjectMappers.read(MAPPER, "{\"key\":\"k\",\"value\":1,\"reason\":\"UNKNOWN\"}", OfrepEvaluation.class);
        OfrepEvaluation unknownCode =
                ObjectMappers.read(MAPPER, "{\"key\":\"k\",\"errorCode\":\"NEW_CODE\"}", OfrepEvaluation.class);

        assertThat(unknownReason.toEvaluationResult().orElseThrow().reason()).isEqualTo(ResultReason.DEFAULT);
        EvaluationResult failed = unknownCode.toEvaluationResult().orElseThrow();
        assertThat(failed.errorKind()).isEqualTo(ErrorKind.GENERAL);
        assertThat(failed.errorMessage()).contains("NEW_CODE");
    }

    @Test
    void keyAndReasonOrErrorCodeAreRequired() {
        assertThatThrownBy(() ->
                        ObjectMappers.read(MAPPER, "{\"value\":true,\"reason\":\"STATIC\"}", OfrepEvaluation.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$: key is required");
        assertThatThrownBy(() -> ObjectMappers.read(
                        MAPPER, "{\"flags\":[{\"key\":\"a\",\"value\":true}]}", OfrepBulkResponse.class))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$.flags[0]: reason or errorCode is required");
    }

    @Test
    void failureFactoryAndValueSemantics() {
        OfrepEvaluation f = OfrepEvaluation.failure("k", ErrorKind.TARGETING_KEY_MISSING, "no key");

        assertThat(f.errorCode()).isEqualTo(OfrepErrorCodes.TARGETING_KEY_MISSING);
        assertThat(f.errorDetails()).isEqualTo("no key");
        assertThat(f).isEqualTo(OfrepEvaluation.failure("k", ErrorKind.TARGETING_KEY_MISSING, "no key"));
        assertThat(f.hashCode())
                .isEqualTo(OfrepEvaluation.failure("k", ErrorKind.TARGETING_KEY_MISSING, "no key")
                        .hashCode());
        assertThat(f.toString()).contains("TARGETING_KEY_MISSING");
        assertThat(f.reason()).isNull();
        assertThat(f.variant()).isNull();
        assertThat(f.metadata()).isEmpty();
        assertThat(f.key()).isEqualTo("k");
    }
}
