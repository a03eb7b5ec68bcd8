package dev.vexilla.engine.configcat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Formats comparison values as ConfigCat's evaluation log and warnings show them. */
final class ConditionText {

    private static final int MAX_LIST_ITEMS = 10;
    private static final String INVALID_VALUE = "<invalid value>";
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ConditionText() {}

    static String comparisonValue(UserCondition c) {
        switch (c.comparator.operand) {
            case TEXT_LIST:
            case SEMVER_LIST:
            case ARRAY:
                return c.comparator.hashed ? hashedList(c.listSize()) : list(c.list);
            case TEXT:
                return c.comparator.hashed ? "'<hashed value>'" : "'" + c.text + "'";
            case SEMVER:
                return "'" + c.text + "'";
            case NUMBER:
                return !c.hasNumber ? INVALID_VALUE : "'" + AttributeText.logNumber(c.number) + "'";
            default:
                return !c.hasNumber
                        ? INVALID_VALUE
                        : "'" + AttributeText.logNumber(c.number) + "' (" + utc(c.number) + " UTC)";
        }
    }

    private static String utc(double seconds) {
        return UTC.format(Instant.ofEpochMilli((long) seconds * 1000));
    }

    private static String hashedList(int size) {
        return size == 0 ? INVALID_VALUE : "[<" + size + " hashed " + (size == 1 ? "value" : "values") + ">]";
    }

    private static String list(String @Nullable [] items) {
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
