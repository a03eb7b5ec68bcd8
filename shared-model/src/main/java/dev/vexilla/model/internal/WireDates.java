package dev.vexilla.model.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads date-times from the wire: epoch milliseconds (a number or numeric text) or ISO-8601 text.
 *
 * <p>Not API, may change without notice. Thread-safe.
 */
public final class WireDates {

    private WireDates() {}

    /**
     * Parses a date-time as Jackson read it.
     *
     * @param field the field name, for the error message
     * @param raw the value
     * @return the date-time, or {@code null} for {@code null}
     * @throws IllegalArgumentException if the value is neither epoch milliseconds nor ISO-8601 text
     */
    public static @Nullable Instant parse(String field, @Nullable Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return Instant.ofEpochMilli(((Number) raw).longValue());
        }
        if (raw instanceof String) {
            String text = ((String) raw).trim();
            try {
                return !text.isEmpty() && text.chars().allMatch(Character::isDigit)
                        ? Instant.ofEpochMilli(Long.parseLong(text))
                        : Instant.parse(text);
            } catch (NumberFormatException | DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("expected epoch milliseconds or an ISO-8601 date-time for " + field);
    }
}
