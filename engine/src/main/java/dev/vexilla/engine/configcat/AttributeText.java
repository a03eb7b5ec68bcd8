package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Converts user attribute values the way ConfigCat does: to canonical text for the text and hashed comparators, to a
 * number for the number and date comparators, and to a string array for the array comparators.
 */
final class AttributeText {

    private AttributeText() {}

    /**
     * Converts an attribute value to text: strings as they are, string lists as compact JSON, date-times as Unix
     * seconds, doubles in ConfigCat's cross-SDK format, anything else by {@code toString()}.
     *
     * @param value the attribute value
     * @return the text
     */
    static String toText(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof List) {
            return jsonArray((List<?>) value);
        }
        if (value instanceof String[]) {
            return jsonArray(java.util.Arrays.asList((String[]) value));
        }
        if (value instanceof Instant) {
            return doubleToText(((Instant) value).toEpochMilli() / 1000d);
        }
        if (value instanceof Date) {
            return doubleToText(((Date) value).getTime() / 1000d);
        }
        if (value instanceof Double || value instanceof Float) {
            return doubleToText(((Number) value).doubleValue());
        }
        return value.toString();
    }

    /**
     * Formats a double as ConfigCat does: {@code NaN}, {@code Infinity}, {@code -Infinity}; no exponent between 1e-6
     * and 1e21; otherwise an exponent written {@code e+N} (magnitude above 1) or {@code e-N}.
     *
     * @param d the number
     * @return the text
     */
    static String doubleToText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        double abs = Math.abs(d);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.UK);
        symbols.setExponentSeparator(abs > 1 ? "e+" : "e");
        String pattern = 1e-6 <= abs && abs < 1e21 ? "#.#################" : "#.#################E0";
        return new DecimalFormat(pattern, symbols).format(d);
    }

    /**
     * Formats a number as ConfigCat's evaluation log does ({@code 0.#####}).
     *
     * @param d the number
     * @return the text
     */
    static String logNumber(double d) {
        return new DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.UK)).format(d);
    }

    /**
     * Converts an attribute value to a number: numbers as they are, strings trimmed with every comma read as a
     * decimal point and parsed by {@link Double#parseDouble(String)}.
     *
     * @param value the attribute value
     * @return the number
     * @throws NumberFormatException if the value is not a number or a parsable string
     */
    static double toNumber(Object value) {
        if (value instanceof Double) {
            return (Double) value;
        }
        if (value instanceof String) {
            String s = ((String) value).trim();
            if (s.indexOf(',') >= 0) {
                s = s.replace(',', '.');
            }
            return Double.parseDouble(s);
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Float
                || value instanceof Short
                || value instanceof Byte) {
            return ((Number) value).doubleValue();
        }
        throw new NumberFormatException();
    }

    /**
     * Converts an attribute value to Unix seconds for the date comparators.
     *
     * @param value the attribute value
     * @return the seconds
     * @throws NumberFormatException if the value is neither a date-time nor a number
     */
    static double toUnixSeconds(Object value) {
        if (value instanceof Instant) {
            return ((Instant) value).toEpochMilli() / 1000d;
        }
        if (value instanceof Date) {
            return ((Date) value).getTime() / 1000d;
        }
        return toNumber(value);
    }

    /**
     * Converts an attribute value to a string array: a list of strings, or a string holding a JSON array of strings.
     *
     * @param value the attribute value
     * @return the array, or {@code null} when the value is not a string array (or holds a null item)
     */
    static String @Nullable [] toStringArray(Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            String[] out = new String[list.size()];
            for (int i = 0; i < out.length; i++) {
                Object item = list.get(i);
                if (!(item instanceof String)) {
                    return null;
                }
                out[i] = (String) item;
            }
            return out;
        }
        if (value instanceof String[]) {
            String[] arr = (String[]) value;
            for (String s : arr) {
                if (s == null) {
                    return null;
                }
            }
            return arr;
        }
        if (value instanceof String) {
            return parseJsonArray((String) value);
        }
        return null;
    }

    private static String @Nullable [] parseJsonArray(String text) {
        try (JsonParser p = EngineJson.factory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                    return null;
                }
                items.add(p.getText());
            }
            return p.nextToken() == null ? items.toArray(new String[0]) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes a list as a compact JSON array of strings, escaping like Gson without HTML escaping.
     *
     * @param list the items (their {@code toString()} for non-strings)
     * @return the JSON text
     */
    static String jsonArray(List<?> list) {
        StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object item = list.get(i);
            if (item == null) {
                sb.append("null");
            } else {
                jsonString(sb, item.toString());
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Appends a JSON string literal, escaping quotes, backslashes, control characters and U+2028/U+2029.
     *
     * @param sb the target
     * @param s the text
     */
    static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    /**
     * Writes an attribute value as JSON for the evaluation log's user line.
     *
     * @param sb the target
     * @param value the value
     */
    static void jsonValue(StringBuilder sb, Object value) {
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            sb.append(value);
        } else if (value instanceof List) {
            sb.append(jsonArray((List<?>) value));
        } else {
            jsonString(sb, value.toString());
        }
    }
}
