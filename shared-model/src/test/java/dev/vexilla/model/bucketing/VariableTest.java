package dev.vexilla.model.bucketing;

import static dev.vexilla.model.RoundTrips.MAPPER;
import static dev.vexilla.model.RoundTrips.assertRoundTrip;
import static dev.vexilla.model.RoundTrips.resource;
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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

final class VariableTest {

    private static final FlagMetadata META =
            FlagMetadata.of("etag-7", "cfg-1", Instant.ofEpochMilli(1_700_000_000_000L));

    @Test
    void variableJsonRoundTripsUnchanged() throws Exception {
        Variable v = assertRoundTrip(resource("bucketing/variable.json"), Variable.class);

        assertThat(v.key()).isEqualTo("new-checkout");
        assertThat(v.type()).isEqualTo(Variable.TYPE_BOOLEAN);
        assertThat(v.eval().targetId()).isEqualTo("621642332ea68943c8833c4d");
        assertThat(v.featureId()).isEqualTo("614ef6aa473928459060721a");
        assertThat(v.defaultValue().booleanValue()).isFalse();
    }

    @Test
    void variablesMapRoundTripsUnchanged() throws Exception {
        Map<String, Variable> map = assertRoundTrip(resource("bucketing/variables-map.json"), Variable.MAP_TYPE);

        assertThat(map).containsOnlyKeys("new-checkout", "banner-text", "max-items", "theme");
        assertThat(map.get("theme").toEvaluationResult().value()).isEqualTo("{\"color\":\"blue\",\"sizes\":[1,2]}");
        assertThat(map.get("max-items").toEvaluationResult().value()).isEqualTo(25);
    }

    @Test
    void extensionRestoresReasonVariantAndIndexes() throws Exception {
        Variable v = ObjectMappers.read(MAPPER, resource("bucketing/variable.json"), Variable.class);

        EvaluationResult r = v.toEvaluationResult();

        assertThat(r).isEqualTo(EvaluationResult.success(true, "v-on", ResultReason.TARGETING_MATCH, 1, -1));
        assertThat(v.flagMetadata().getLong(FlagMetadata.FETCH_TIME)).isEqualTo(1_700_000_000_000L);
        assertThat(v.flagMetadata().getInteger(FlagMetadata.RULE_INDEX)).isEqualTo(1);
    }

    static Stream<EvaluationResult> results() {
        return Stream.of(
                EvaluationResult.success(true, "v1", ResultReason.STATIC, -1, -1),
                EvaluationResult.success("text", "v2", ResultReason.TARGETING_MATCH, 3, -1),
                EvaluationResult.success(42, null, ResultReason.SPLIT, -1, 2),
                EvaluationResult.success(5_000_000_000L, "v4", ResultReason.SPLIT, 0, 1),
                EvaluationResult.success(2.0, "v5", ResultReason.DEFAULT, -1, -1),
                EvaluationResult.success("{\"a\":1}", "v6", ResultReason.CACHED, -1, -1),
                EvaluationResult.error(ErrorKind.PARSE_ERROR, "flag 'x': unknown comparator 99"),
                EvaluationResult.error(ErrorKind.TYPE_MISMATCH, "mismatch"));
    }

    @ParameterizedTest
    @MethodSource("results")
    void serverResultIsReproducedExactlyByTheClient(EvaluationResult result) throws Exception {
        ImmutableMetadata metadata = META.metadataFor(result);

        byte[] json = MAPPER.writeValueAsBytes(Variable.fromResult("flag-x", result, metadata));
        Variable read = ObjectMappers.read(MAPPER, json, Variable.class);

        assertThat(read.toEvaluationResult()).isEqualTo(result);
        assertThat(read.flagMetadata()).isEqualTo(metadata);
    }

    @Test
    void typeNamesFollowTheValue() {
        assertThat(Variable.fromResult("a", ok(true), ImmutableMetadata.EMPTY).type())
                .isEqualTo("Boolean");
        assertThat(Variable.fromResult("a", ok("s"), ImmutableMetadata.EMPTY).type())
                .isEqualTo("String");
        assertThat(Variable.fromResult("a", ok(1), ImmutableMetadata.EMPTY).type())
                .isEqualTo("Number");
        assertThat(Variable.fromResult("a", ok(1.5), ImmutableMetadata.EMPTY).type())
                .isEqualTo("Number");
    }

    @Test
    void errorResultIsADefaultedVariable() {
        Variable v =
                Variable.fromResult("a", EvaluationResult.error(ErrorKind.PARSE_ERROR, "bad"), ImmutableMetadata.EMPTY);

        assertThat(v.isDefaulted()).isTrue();
        assertThat(v.value()).isNull();
        assertThat(v.eval().reason()).isEqualTo("ERROR");
    }

    @ParameterizedTest
    @EnumSource(
            value = ResultReason.class,
            names = {"STATIC", "TARGETING_MATCH", "SPLIT", "DEFAULT"})
    void devCycleVariableWithoutExtensionUsesEvalReason(ResultReason reason) throws Exception {
        String json = "{\"_id\":\"1\",\"key\":\"k\",\"type\":\"String\",\"value\":\"v\",\"eval\":{\"reason\":\""
                + reason.name() + "\"}}";

        EvaluationResult r = ObjectMappers.read(MAPPER, json, Variable.class).toEvaluationResult();

        assertThat(r).isEqualTo(EvaluationResult.success("v", null, reason, -1, -1));
    }

    @Test
    void unknownDevCycleReasonBecomesDefault() throws Exception {
        String json = "{\"key\":\"k\",\"type\":\"Number\",\"value\":1.5,\"eval\":{\"reason\":\"OPT_IN\"}}";

        assertThat(ObjectMappers.read(MAPPER, json, Variable.class)
                        .toEvaluationResult()
                        .reason())
                .isEqualTo(ResultReason.DEFAULT);
    }

    @Test
    void defaultedVariableWithoutValueIsFlagNotFound() throws Exception {
        String json = "{\"key\":\"k\",\"type\":\"Boolean\",\"isDefaulted\":true}";

        EvaluationResult r = ObjectMappers.read(MAPPER, json, Variable.class).toEvaluationResult();

        assertThat(r.errorKind()).isEqualTo(ErrorKind.FLAG_NOT_FOUND);
    }

    @Test
    void variableWithoutValueIsAGeneralError() throws Exception {
        EvaluationResult r =
                ObjectMappers.read(MAPPER, "{\"key\":\"k\"}", Variable.class).toEvaluationResult();

        assertThat(r.errorKind()).isEqualTo(ErrorKind.GENERAL);
        assertThat(r.errorMessage()).contains("'k'");
    }

    @Test
    void missingKeyIsATypedErrorWithPath() {
        assertThatThrownBy(() -> ObjectMappers.read(MAPPER, "{\"a\":{\"type\":\"String\"}}", Variable.MAP_TYPE))
                .isInstanceOf(WirePayloadException.class)
                .hasMessage("$.a: key is required");
    }

    @Test
    void valueSemantics() throws Exception {
        Variable a = ObjectMappers.read(MAPPER, resource("bucketing/variable.json"), Variable.class);
        Variable b = ObjectMappers.read(MAPPER, resource("bucketing/variable.json"), Variable.class);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("new-checkout");
        assertThat(a.id()).isEqualTo("614ef6ea475129459160721a");
        assertThat(a.vexilla().variant()).isEqualTo("v-on");
    }

    private static EvaluationResult ok(Object value) {
        return EvaluationResult.success(value, null, ResultReason.STATIC, -1, -1);
    }
}
