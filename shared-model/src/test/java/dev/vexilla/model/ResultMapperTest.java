package dev.vexilla.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

final class ResultMapperTest {

    private static final FlagMetadata META =
            FlagMetadata.of("etag-1", "cfg-1", Instant.ofEpochMilli(1_700_000_000_000L));

    @ParameterizedTest
    @EnumSource(
            value = ResultReason.class,
            names = {"STATIC", "TARGETING_MATCH", "SPLIT", "DEFAULT", "CACHED"})
    void successReasonIsTheReasonNameAndVariantIsTheVariationId(ResultReason reason) {
        EvaluationResult result = EvaluationResult.success(true, "v-on", reason, EvaluationResult.NONE, 0);

        ProviderEvaluation<Boolean> eval =
                ResultMapper.booleanEvaluation("flag", result, false, META.metadataFor(result));

        assertThat(eval.getValue()).isTrue();
        assertThat(eval.getReason()).isEqualTo(reason.name());
        assertThat(eval.getVariant()).isEqualTo("v-on");
        assertThat(eval.getErrorCode()).isNull();
        assertThat(eval.getErrorMessage()).isNull();
        assertThat(eval.getFlagMetadata().getInteger(FlagMetadata.PERCENTAGE_OPTION_INDEX))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void errorGivesDefaultReasonErrorAndTheErrorCodeOfTheSameName(ErrorKind kind) {
        EvaluationResult result = EvaluationResult.error(kind, "it broke at rule 2");

        ProviderEvaluation<String> eval = ResultMapper.stringEvaluation("flag", result, "fallback", META.metadata());

        assertThat(eval.getValue()).isEqualTo("fallback");
        assertThat(eval.getReason()).isEqualTo("ERROR");
        assertThat(eval.getErrorCode()).isEqualTo(ErrorCode.valueOf(kind.name()));
        assertThat(eval.getErrorMessage()).isEqualTo("it broke at rule 2");
        assertThat(eval.getVariant()).isNull();
        assertThat(eval.getFlagMetadata()).isSameAs(META.metadata());
    }

    /** Rows: flag value, requested type, expected value, or null for TYPE_MISMATCH. */
    static Stream<Arguments> typeRules() {
        Value object = new Value(
                new dev.openfeature.sdk.ImmutableStructure(java.util.Collections.singletonMap("a", new Value(1))));
        return Stream.of(
                Arguments.of(true, FlagValueType.BOOLEAN, true),
                Arguments.of("true", FlagValueType.BOOLEAN, null),
                Arguments.of(1, FlagValueType.BOOLEAN, null),
                Arguments.of("s", FlagValueType.STRING, "s"),
                Arguments.of(true, FlagValueType.STRING, null),
                Arguments.of(7, FlagValueType.STRING, null),
                Arguments.of(7, FlagValueType.INTEGER, 7),
                Arguments.of(7L, FlagValueType.INTEGER, 7),
                Arguments.of((long) Integer.MAX_VALUE, FlagValueType.INTEGER, Integer.MAX_VALUE),
                Arguments.of((long) Integer.MAX_VALUE + 1, FlagValueType.INTEGER, null),
                Arguments.of(7.0, FlagValueType.INTEGER, null),
                Arguments.of("7", FlagValueType.INTEGER, null),
                Arguments.of(7, FlagValueType.LONG, 7L),
                Arguments.of(9_007_199_254_740_993L, FlagValueType.LONG, 9_007_199_254_740_993L),
                Arguments.of(Long.MAX_VALUE, FlagValueType.LONG, Long.MAX_VALUE),
                Arguments.of(7.0, FlagValueType.LONG, null),
                Arguments.of(2.5, FlagValueType.DOUBLE, 2.5),
                Arguments.of(2, FlagValueType.DOUBLE, null),
                Arguments.of(2L, FlagValueType.DOUBLE, null),
                Arguments.of("{\"a\":1}", FlagValueType.OBJECT, object),
                Arguments.of("not json", FlagValueType.OBJECT, null),
                Arguments.of("\"just a string\"", FlagValueType.OBJECT, null),
                Arguments.of("42", FlagValueType.OBJECT, null),
                Arguments.of("{broken", FlagValueType.OBJECT, null),
                Arguments.of("{\"a\":1} trailing", FlagValueType.OBJECT, null),
                Arguments.of(true, FlagValueType.OBJECT, null));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("typeRules")
    void typeRulesAreStrict(Object flagValue, FlagValueType type, Object expected) {
        EvaluationResult result = EvaluationResult.success(
                flagValue, "v", ResultReason.STATIC, EvaluationResult.NONE, EvaluationResult.NONE);
        Object defaultValue = defaultFor(type);

        ProviderEvaluation<Object> eval =
                ResultMapper.evaluation("my-flag", result, type, defaultValue, META.metadata());

        if (expected == null) {
            assertThat(eval.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
            assertThat(eval.getReason()).isEqualTo("ERROR");
            assertThat(eval.getValue()).isEqualTo(defaultValue);
            assertThat(eval.getErrorMessage()).contains("'my-flag'").contains(type.name());
        } else {
            assertThat(eval.getErrorCode()).isNull();
            assertThat(eval.getValue()).isEqualTo(expected);
            assertThat(eval.getValue()).hasSameClassAs(expected);
        }
    }

    @Test
    void mismatchMessageNamesFlagTypeAndRequestedType() {
        EvaluationResult result =
                EvaluationResult.success("x", null, ResultReason.STATIC, EvaluationResult.NONE, EvaluationResult.NONE);

        ProviderEvaluation<Boolean> eval = ResultMapper.booleanEvaluation("f", result, false, ImmutableMetadata.EMPTY);

        assertThat(eval.getErrorMessage()).isEqualTo("flag 'f' is a String flag; it cannot be evaluated as BOOLEAN");
    }

    @Test
    void longBeyondIntRangeRequestedAsIntegerSuggestsLong() {
        EvaluationResult result = EvaluationResult.success(
                5_000_000_000L, null, ResultReason.STATIC, EvaluationResult.NONE, EvaluationResult.NONE);

        ProviderEvaluation<Integer> eval = ResultMapper.integerEvaluation("big", result, 1, ImmutableMetadata.EMPTY);

        assertThat(eval.getValue()).isEqualTo(1);
        assertThat(eval.getErrorMessage()).contains("32 bits").contains("LONG");
    }

    @Test
    void jsonArrayFlagIsReturnedAsAList() {
        EvaluationResult result = EvaluationResult.success(
                "[\"a\", {\"b\": true}]", "v", ResultReason.TARGETING_MATCH, 0, EvaluationResult.NONE);

        ProviderEvaluation<Value> eval =
                ResultMapper.objectEvaluation("arr", result, new Value(), META.metadataFor(result));

        assertThat(eval.getValue().isList()).isTrue();
        assertThat(eval.getValue().asList()).hasSize(2);
        assertThat(eval.getValue().asList().get(1).asStructure().getValue("b").asBoolean())
                .isTrue();
        assertThat(eval.getFlagMetadata().getInteger(FlagMetadata.RULE_INDEX)).isZero();
    }

    @Test
    void typedHelpersMapDoubleAndLong() {
        EvaluationResult d = EvaluationResult.success(1.5, "a", ResultReason.SPLIT, 1, 2);
        EvaluationResult l = EvaluationResult.success(3, "b", ResultReason.DEFAULT, -1, -1);

        assertThat(ResultMapper.doubleEvaluation("d", d, 0.0, META.metadataFor(d))
                        .getValue())
                .isEqualTo(1.5);
        assertThat(ResultMapper.longEvaluation("l", l, 0L, META.metadataFor(l)).getValue())
                .isEqualTo(3L);
    }

    private static Object defaultFor(FlagValueType type) {
        switch (type) {
            case BOOLEAN:
                return false;
            case STRING:
                return "default";
            case INTEGER:
                return -1;
            case LONG:
                return -1L;
            case DOUBLE:
                return -1.0;
            default:
                return new Value("default");
        }
    }

    @Test
    void errorCode_everyErrorKind_mapsToTheOpenFeatureCodeOfTheSameName() {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(ResultMapper.errorCode(kind).name()).isEqualTo(kind.name());
        }
    }

    private static final ResultDetail DEVCYCLE = ResultDetail.builder()
            .feature("f-1", "feature", "release")
            .variation("var-1", "variation-on", "On")
            .target("t-1")
            .reason(ResultReason.TARGETING_MATCH, "Email")
            .build();

    static Stream<Arguments> devCycleTypeRules() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", 5);
        json.put("list", Arrays.asList("a", 1.5, false, null));
        return Stream.of(
                Arguments.of(5.0, FlagValueType.DOUBLE, 5.0),
                Arguments.of(5.0, FlagValueType.INTEGER, 5),
                Arguments.of(5.0, FlagValueType.LONG, 5L),
                Arguments.of(5.5, FlagValueType.DOUBLE, 5.5),
                Arguments.of(5.5, FlagValueType.INTEGER, null),
                Arguments.of(5.5, FlagValueType.LONG, null),
                Arguments.of(3.0e9, FlagValueType.INTEGER, null),
                Arguments.of(3.0e9, FlagValueType.LONG, 3_000_000_000L),
                Arguments.of(0x1p63, FlagValueType.LONG, null),
                Arguments.of(true, FlagValueType.BOOLEAN, true),
                Arguments.of(true, FlagValueType.STRING, null),
                Arguments.of("{\"a\":1}", FlagValueType.OBJECT, null),
                Arguments.of("text", FlagValueType.STRING, "text"),
                Arguments.of(json, FlagValueType.STRING, null));
    }

    @ParameterizedTest
    @MethodSource("devCycleTypeRules")
    void devCycleValuesFollowTheVariableTypes(Object value, FlagValueType type, Object expected) {
        EvaluationResult result = EvaluationResult.success(value, "variation-on", DEVCYCLE);
        Object defaultValue = defaultFor(type);

        ProviderEvaluation<Object> eval =
                ResultMapper.evaluation("var", result, type, defaultValue, META.metadataFor(result));

        if (expected == null) {
            assertThat(eval.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
            assertThat(eval.getValue()).isEqualTo(defaultValue);
            assertThat(eval.getErrorMessage()).contains("variable 'var'");
        } else {
            assertThat(eval.getErrorCode()).isNull();
            assertThat(eval.getValue()).isEqualTo(expected);
            assertThat(eval.getVariant()).isEqualTo("variation-on");
            assertThat(eval.getReason()).isEqualTo("TARGETING_MATCH");
        }
    }

    @Test
    void devCycleJsonIsServedAsAStructure() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", 5);
        json.put("big", 7_000_000_000L);
        json.put("d", 1.5);
        json.put("list", Arrays.asList("a", true, null));
        json.put("inner", Collections.singletonMap("k", "v"));
        EvaluationResult result = EvaluationResult.success(json, "variation-on", DEVCYCLE);

        ProviderEvaluation<Value> eval =
                ResultMapper.objectEvaluation("var", result, new Value(), META.metadataFor(result));

        Value v = eval.getValue();
        assertThat(v.isStructure()).isTrue();
        assertThat(v.asStructure().getValue("n").asInteger()).isEqualTo(5);
        assertThat(v.asStructure().getValue("big").asObject()).isEqualTo(7_000_000_000L);
        assertThat(v.asStructure().getValue("d").asDouble()).isEqualTo(1.5);
        assertThat(v.asStructure().getValue("list").asList()).hasSize(3);
        assertThat(v.asStructure().getValue("list").asList().get(2).isNull()).isTrue();
        assertThat(v.asStructure().getValue("inner").asStructure().getValue("k").asString())
                .isEqualTo("v");
        assertThat(eval.getFlagMetadata().getString(FlagMetadata.FEATURE_KEY)).isEqualTo("feature");
        assertThat(eval.getFlagMetadata().getString(FlagMetadata.EVAL_REASON_DETAILS))
                .isEqualTo("Email");
    }

    @Test
    void devCycleJsonListIsServedAsAList() {
        EvaluationResult result = EvaluationResult.success(Arrays.asList(1, "x"), "variation-on", DEVCYCLE);

        ProviderEvaluation<Value> eval = ResultMapper.objectEvaluation("var", result, new Value(), META.metadata());

        assertThat(eval.getValue().asList()).hasSize(2);
    }

    @Test
    void defaultedResultServesTheDefaultWithReasonDefaultAndNoErrorCode() {
        EvaluationResult result = EvaluationResult.defaulted(ResultDetail.notTargeted("f-1", "feature", "release"));

        ProviderEvaluation<Integer> eval = ResultMapper.integerEvaluation("var", result, 42, META.metadataFor(result));

        assertThat(eval.getValue()).isEqualTo(42);
        assertThat(eval.getReason()).isEqualTo("DEFAULT");
        assertThat(eval.getErrorCode()).isNull();
        assertThat(eval.getErrorMessage()).isNull();
        assertThat(eval.getVariant()).isNull();
        assertThat(eval.getFlagMetadata().getString(FlagMetadata.EVAL_REASON_DETAILS))
                .isEqualTo(ResultDetail.USER_NOT_TARGETED);
    }

    @Test
    void configCatDoubleStillRefusesIntegerWithItsOwnMessage() {
        EvaluationResult result = EvaluationResult.success(5.0, "v", ResultReason.STATIC, -1, -1);

        ProviderEvaluation<Integer> eval = ResultMapper.integerEvaluation("flag", result, 1, META.metadata());

        assertThat(eval.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(eval.getErrorMessage()).isEqualTo("flag 'flag' is a Double flag; it cannot be evaluated as INTEGER");
    }
}
