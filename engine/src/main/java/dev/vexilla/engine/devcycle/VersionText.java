package dev.vexilla.engine.devcycle;

import org.jspecify.annotations.Nullable;

/**
 * DevCycle's version comparison ({@code checkVersionFilter}, {@code versionCompare}), reproduced exactly.
 *
 * <p>Before an ordering comparison DevCycle "cleans" the user's version and then each filter version with two global
 * regular expressions, {@code [^(\d|.|\-)]} and {@code -.*}, through a helper that replaces the first occurrence of
 * the first match's text. Both expressions are created once per filter evaluation and keep their {@code lastIndex}
 * between strings, so a match in the user's version moves where the search in the filter versions starts. {@link
 * #clean(String, int[])} carries that state in a two-element array. When the user's version contains only digits,
 * dots, parentheses and bars and no hyphen, neither expression matches, both states stay 0, and the cleaned filter
 * versions are the ones precomputed at compile time: that is the allocation-free path.
 *
 * <p>A comparison pads the user's version to three parts (empty parts count as 0), requires every part of both
 * versions to be digits only, extends the shorter with zeros and compares part by part as numbers.
 */
final class VersionText {

    /** What {@link #compare} returns when a version has a part that is not digits only (DevCycle's NaN). */
    static final int INCOMPARABLE = 2;

    private VersionText() {}

    /**
     * Cleans a version as DevCycle does: removes the first character at or after the first expression's
     * {@code lastIndex} that is not a digit, {@code .}, {@code -}, {@code (}, {@code )} or {@code |} (its first
     * occurrence in the text), then the first hyphen at or after the second expression's {@code lastIndex} and the
     * rest of its line.
     *
     * @param text the version
     * @param lastIndex the two expressions' {@code lastIndex}, updated
     * @return the cleaned version
     */
    static String clean(String text, int[] lastIndex) {
        String once = replaceFirstMatch(text, false, lastIndex);
        return replaceFirstMatch(once, true, lastIndex);
    }

    /** Tells whether cleaning leaves {@code text} and both states unchanged (no offending character, no hyphen). */
    static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isKept(c) || c == '-') {
                return false;
            }
        }
        return true;
    }

    private static String replaceFirstMatch(String text, boolean hyphenRest, int[] lastIndex) {
        int length = text.length();
        if (length == 0) {
            return text;
        }
        int slot = hyphenRest ? 1 : 0;
        for (int at = lastIndex[slot]; at < length; at++) {
            char c = text.charAt(at);
            int end;
            if (hyphenRest) {
                if (c != '-') {
                    continue;
                }
                end = at + 1;
                while (end < length && !isLineTerminator(text.charAt(end))) {
                    end++;
                }
            } else {
                if (isKept(c)) {
                    continue;
                }
                end = at + 1;
            }
            lastIndex[slot] = end;
            String match = text.substring(at, end);
            int first = text.indexOf(match);
            return text.substring(0, first) + text.substring(first + match.length());
        }
        lastIndex[slot] = 0;
        return text;
    }

    private static boolean isKept(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '(' || c == ')' || c == '|';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /**
     * Splits a filter version into its numeric parts.
     *
     * @param version the filter version (already cleaned where DevCycle cleans it)
     * @return the parts, or {@code null} when the version is empty or a part is not digits only (never matches)
     */
    static double @Nullable [] parts(String version) {
        if (version.isEmpty()) {
            return null;
        }
        int count = 1;
        for (int i = 0; i < version.length(); i++) {
            if (version.charAt(i) == '.') {
                count++;
            }
        }
        double[] parts = new double[count];
        int start = 0;
        for (int p = 0; p < count; p++) {
            int end = version.indexOf('.', start);
            if (end < 0) {
                end = version.length();
            }
            if (end == start) {
                return null;
            }
            double value = 0;
            for (int i = start; i < end; i++) {
                char c = version.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            parts[p] = value;
            start = end + 1;
        }
        return parts;
    }

    /**
     * Compares a user's version, padded to three parts with empty parts read as 0, with a filter version's parts.
     *
     * @param version the user's (cleaned) version
     * @param filter the filter version's parts
     * @return -1, 0 or 1, or {@link #INCOMPARABLE} when a part of the user's version is not digits only
     */
    static int compare(String version, double[] filter) {
        int length = version.length();
        int userParts = 1;
        for (int i = 0; i < length; i++) {
            char c = version.charAt(i);
            if (c == '.') {
                userParts++;
            } else if (c < '0' || c > '9') {
                return INCOMPARABLE;
            }
        }
        int total = Math.max(Math.max(userParts, 3), filter.length);
        int start = 0;
        for (int p = 0; p < total; p++) {
            double u = 0;
            if (p < userParts) {
                int end = version.indexOf('.', start);
                if (end < 0) {
                    end = length;
                }
                for (int i = start; i < end; i++) {
                    u = u * 10 + (version.charAt(i) - '0');
                }
                start = end + 1;
            }
            double f = p < filter.length ? filter[p] : 0;
            if (u != f) {
                return u > f ? 1 : -1;
            }
        }
        return 0;
    }
}
