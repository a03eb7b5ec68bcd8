package dev.vexilla.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The settings {@link ObjectMappers#createStrict} adds for requests from untrusted peers: a JSON value is read only
 * into a field of its own type, and every number must fit a 64-bit float.
 *
 * <ul>
 *   <li>No coercion into text: a number or boolean where a string is expected fails ({@code {"user_id": 123}}).
 *   <li>No coercion from text or between scalars ({@link MapperFeature#ALLOW_COERCION_OF_SCALARS} off):
 *       {@code "5"} where a number is expected and {@code "true"} where a boolean is expected fail.
 *   <li>Numbers beyond the range of a {@code double} ({@code 1e999999}), which Jackson would read as infinity, fail
 *       in {@code Double} fields and in free-form values ({@code Map<String, Object>}, such as {@code customData}),
 *       since no JSON peer can have meant them and they would reach the engine as infinity.
 * </ul>
 *
 * <p>Failures are {@code MismatchedInputException}s whose messages start with {@code "expected "}, so
 * {@link ObjectMappers#read} reports them with the JSON path and without the offending value.
 */
final class StrictScalars {
    static final String OUT_OF_RANGE = "expected a number within the range of a 64-bit float";

    private StrictScalars() {}

    /**
     * Applies the strict settings to a mapper being built.
     *
     * @param builder the builder
     * @return the builder
     */
    static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        textual -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("vexilla-strict-scalars")
                        .addDeserializer(Double.class, new FiniteDouble())
                        .addDeserializer(double.class, new FiniteDouble())
                        .addDeserializer(Number.class, new FiniteNumber()));
    }

    /** {@code Double} fields: JSON numbers only, within range. */
    private static final class FiniteDouble extends StdScalarDeserializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedNumberIntToken() && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            return finite(ctxt, p.getDoubleValue());
        }
    }

    /**
     * Numbers inside free-form values: Jackson's untyped reader asks this deserializer for every number once one is
     * registered for {@link Number}. Integers keep Jackson's usual types; floating-point numbers are doubles.
     */
    private static final class FiniteNumber extends StdScalarDeserializer<Number> {
        private static final long serialVersionUID = 1L;

        FiniteNumber() {
            super(Number.class);
        }

        @Override
        public Number deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.isExpectedNumberIntToken()) {
                return p.getNumberValue();
            }
            if (!p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Number) ctxt.handleUnexpectedToken(Number.class, p);
            }
            return finite(ctxt, p.getDoubleValue());
        }
    }

    private static Double finite(DeserializationContext ctxt, double value) throws IOException {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return (Double) ctxt.reportInputMismatch(Double.class, OUT_OF_RANGE);
        }
        return value;
    }
}
