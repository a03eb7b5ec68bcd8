package dev.vexilla.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads a date-time field written as epoch milliseconds (a number or numeric text) or as ISO-8601 text, reporting a
 * mismatch at the field's JSON path.
 *
 * <p>Not API, may change without notice. Thread-safe.
 */
public final class WireInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    /** The problem reported for a value that is no date-time. */
    public static final String EXPECTED = "expected epoch milliseconds or an ISO-8601 date-time";

    /** Creates the deserializer; Jackson calls this. */
    public WireInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public @Nullable Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        Object raw = null;
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            raw = p.getLongValue();
        } else if (t == JsonToken.VALUE_STRING) {
            raw = p.getText();
        }
        try {
            if (raw != null) {
                return WireDates.parse("", raw);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, t, p, EXPECTED);
    }
}
