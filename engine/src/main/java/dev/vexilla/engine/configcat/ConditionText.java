package dev.vexilla.engine.configcat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Formats comparison values as ConfigCat's evaluation log and warnings show them. */
final class ConditionText {

    static final String INVALID_VALUE = "<invalid value>";

    private static final int MAX_LIST_ITEMS = 10;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ConditionText() {}

    /** A number comparison value: {@code '42'}. */
    static String number(double number) {
        return "'" + AttributeText.logNumber(number) + "'";
    }

    /** A date comparison value in Unix seconds, with its UTC time: {@code '1680307199' (2023-03-31T23:59:59.000Z UTC)}. */
    static String date(double seconds) {
        return number(seconds) + " (" + UTC.format(Instant.ofEpochMilli((long) seconds * 1000)) + " UTC)";
    }

    /** A hashed list, shown by its size only: {@code [<2 hashed values>]}. */
    static String hashedList(int size) {
        return size == 0 ? INVALID_VALUE : "[<" + size + " hashed " + (size == 1 ? "value" : "values") + ">]";
    }

    /** A list, its first ten items quoted: {@code ['a', 'b', ... <3 more values>]}. */
    static String list(String @Nullable [] items) {
        if (items == null || items.length == 0) {
            return INVALID_VALUE;
        }
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(MAX_LIST_ITEMS, items.length);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(items[i]).append('\'');
        }
        int more = items.length - shown;
        if (more > 0) {
            sb.append(", ... <")
                    .append(more)
                    .append(" more ")
                    .append(more == 1 ? "value" : "values")
                    .append('>');
        }
        return sb.append(']').toString();
    }
}
