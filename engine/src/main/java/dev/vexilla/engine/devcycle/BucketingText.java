package dev.vexilla.engine.devcycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The text DevCycle's engine hashes for a custom-data bucketing key: the value's JSON {@code toString} in
 * AssemblyScript. Strings as they are, booleans {@code true}/{@code false}, whole numbers held as integers without a
 * decimal point ({@code 5}), floating-point numbers in AssemblyScript's shortest form ({@code 5.0}, {@code 0.1},
 * {@code 1e+21}), and an absent value {@code null}.
 */
final class BucketingText {

    /** The text of an absent bucketing value. */
    static final String ABSENT = "null";

    private BucketingText() {}

    /**
     * Returns the text of a custom-data value.
     *
     * @param value the value as {@code UserAttributes.customData} gives it
     * @return the text to hash; {@link #ABSENT} when the value is absent
     */
    static String of(@Nullable Object value) {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Number) {
            return floatText(((Number) value).doubleValue());
        }
        if (value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof List) {
            return listText((List<?>) value);
        }
        return value.toString();
    }

    /**
     * Formats a double as AssemblyScript's {@code f64.toString()} does: JavaScript's number format, except that whole
     * numbers keep a {@code .0}.
     *
     * @param d the number
     * @return the text
     */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = -shortest.scale();
        return (d < 0 ? "-" : "") + prettify(digits, k);
    }

    /** Lays out {@code digits × 10^k} as AssemblyScript's {@code prettify} does. */
    private static String prettify(String digits, int k) {
        int length = digits.length();
        int kk = length + k;
        StringBuilder b = new StringBuilder(length + 8);
        if (k == 0) {
            return b.append(digits).append(".0").toString();
        }
        if (length <= kk && kk <= 21) {
            b.append(digits);
            for (int i = 0; i < k; i++) {
                b.append('0');
            }
            return b.append(".0").toString();
        }
        if (kk > 0 && kk <= 21) {
            return b.append(digits, 0, kk)
                    .append('.')
                    .append(digits, kk, length)
                    .toString();
        }
        if (-6 < kk && kk <= 0) {
            b.append("0.");
            for (int i = 0; i < -kk; i++) {
                b.append('0');
            }
            return b.append(digits).toString();
        }
        b.append(digits.charAt(0));
        if (length > 1) {
            b.append('.').append(digits, 1, length);
        }
        int exponent = kk - 1;
        return b.append('e')
                .append(exponent < 0 ? '-' : '+')
                .append(Math.abs(exponent))
                .toString();
    }

    private static String listText(List<?> list) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object item = list.get(i);
            if (item instanceof String) {
                b.append('"')
                        .append(((String) item).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            } else {
                b.append(of(item));
            }
        }
        return b.append(']').toString();
    }
}
