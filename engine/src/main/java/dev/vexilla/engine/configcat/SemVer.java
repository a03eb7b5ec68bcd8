package dev.vexilla.engine.configcat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A strict Semantic Versioning 2.0.0 version: {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, numbers without leading
 * zeros (each at most {@link Integer#MAX_VALUE}), identifiers of {@code [0-9A-Za-z-]}. Ordering follows semver.org
 * section 11; build metadata is kept for display but ignored by {@link #compareTo(SemVer)} and {@link #equals}.
 * Immutable.
 */
final class SemVer implements Comparable<SemVer> {

    private static final String[] NO_IDENTIFIERS = new String[0];

    /** The exclusive bound of each part of a packed core: 21 bits each. */
    private static final long CORE_PART_LIMIT = 1L << 21;

    private final int major;
    private final int minor;
    private final int patch;
    private final String[] preRelease;
    /** {@link #pack(long, long, long)} of major, minor and patch, or -1 when one of them does not fit. */
    private final long core;

    private SemVer(int major, int minor, int patch, String[] preRelease) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = preRelease;
        this.core = pack(major, minor, patch);
    }

    /**
     * Parses a version strictly; no trimming, no leading {@code v}, no missing parts.
     *
     * @param text the text
     * @return the version, or {@code null} when the text is not a valid SemVer 2.0.0 version
     */
    static @Nullable SemVer parse(String text) {
        if (!isValid(text)) {
            return null;
        }
        int end = mainEnd(text);
        int dot1 = text.indexOf('.');
        int dot2 = text.indexOf('.', dot1 + 1);
        int patchEnd = coreEnd(text, end);
        String[] pre = patchEnd == end ? NO_IDENTIFIERS : split(text, patchEnd + 1, end);
        return new SemVer(
                (int) number(text, 0, dot1),
                (int) number(text, dot1 + 1, dot2),
                (int) number(text, dot2 + 1, patchEnd),
                pre);
    }

    /**
     * Tells whether a text is a valid version, by exactly the rules of {@link #parse(String)}, without allocating.
     *
     * @param text the text
     * @return whether {@link #parse(String)} would return a version
     */
    static boolean isValid(String text) {
        return layout(text) >= 0;
    }

    /**
     * Validates a text as {@link #parse(String)} does and returns where its parts are, without allocating: the
     * result feeds {@link #compare(String, long, SemVer)}, so a text compared with several versions is scanned once.
     *
     * @param text the text
     * @return a non-negative layout, or {@code -1} when the text is not a valid version
     */
    static long layout(String text) {
        int end = mainEnd(text);
        if (end < text.length() && !validIdentifiers(text, end + 1, text.length(), false)) {
            return -1;
        }
        int patchEnd = coreEnd(text, end);
        if (patchEnd < end && !validIdentifiers(text, patchEnd + 1, end, true)) {
            return -1;
        }
        int dot1 = indexOf(text, '.', 0, patchEnd);
        int dot2 = dot1 < 0 ? -1 : indexOf(text, '.', dot1 + 1, patchEnd);
        if (dot1 < 0 || dot2 < 0 || indexOf(text, '.', dot2 + 1, patchEnd) >= 0) {
            return -1;
        }
        if (number(text, 0, dot1) < 0 || number(text, dot1 + 1, dot2) < 0 || number(text, dot2 + 1, patchEnd) < 0) {
            return -1;
        }
        // Valid numbers have at most 10 digits, so the core's positions fit in a byte each.
        return (long) end << 24 | patchEnd << 16 | dot2 << 8 | dot1;
    }

    /**
     * Compares a valid version text with a version, as {@code parse(text).compareTo(version)} would, without
     * allocating.
     *
     * @param text a text for which {@link #isValid(String)} is true
     * @param version the version to compare with
     * @return negative, zero or positive as the text ranks below, equal to or above the version
     */
    static int compare(String text, SemVer version) {
        return compare(text, layout(text), version);
    }

    /**
     * Compares a valid version text with a version, as {@code parse(text).compareTo(version)} would, without
     * allocating or scanning the text for its parts again.
     *
     * @param text the text
     * @param layout the text's non-negative {@link #layout(String)}
     * @param version the version to compare with
     * @return negative, zero or positive as the text ranks below, equal to or above the version
     */
    static int compare(String text, long layout, SemVer version) {
        return compare(text, layout, core(text, layout), version);
    }

    /**
     * Compares a valid version text with a version, as {@link #compare(String, long, SemVer)} does, with the text's
     * major, minor and patch already packed: a text compared with several versions is read once.
     *
     * @param text the text
     * @param layout the text's non-negative {@link #layout(String)}
     * @param core the text's {@link #core(String, long)}
     * @param version the version to compare with
     * @return negative, zero or positive as the text ranks below, equal to or above the version
     */
    static int compare(String text, long layout, long core, SemVer version) {
        int patchEnd = (int) (layout >>> 16) & 0xff;
        int end = (int) (layout >>> 24);
        int c;
        if (core >= 0 && version.core >= 0) {
            c = Long.compare(core, version.core);
        } else {
            int dot1 = (int) layout & 0xff;
            int dot2 = (int) (layout >>> 8) & 0xff;
            c = Long.compare(number(text, 0, dot1), version.major);
            if (c == 0) {
                c = Long.compare(number(text, dot1 + 1, dot2), version.minor);
            }
            if (c == 0) {
                c = Long.compare(number(text, dot2 + 1, patchEnd), version.patch);
            }
        }
        return c != 0 ? c : comparePreRelease(text, patchEnd, end, version.preRelease);
    }

    /**
     * Returns the major, minor and patch of a valid version text packed into one number that orders as the three do,
     * or -1 when one of them is {@value #CORE_PART_LIMIT} or more (such versions are compared part by part) or when the
     * text is not a valid version.
     *
     * @param text the text
     * @param layout the text's {@link #layout(String)}, negative for an invalid version
     * @return the packed core, or -1
     */
    static long core(String text, long layout) {
        if (layout < 0) {
            return -1;
        }
        int dot1 = (int) layout & 0xff;
        int dot2 = (int) (layout >>> 8) & 0xff;
        int patchEnd = (int) (layout >>> 16) & 0xff;
        return pack(number(text, 0, dot1), number(text, dot1 + 1, dot2), number(text, dot2 + 1, patchEnd));
    }

    private static long pack(long major, long minor, long patch) {
        if (major < 0 || minor < 0 || patch < 0 || (major | minor | patch) >= CORE_PART_LIMIT) {
            return -1;
        }
        return major << 42 | minor << 21 | patch;
    }

    /** The end of the version without build metadata: the first {@code '+'}, or the text's length. */
    private static int mainEnd(String text) {
        int plus = text.indexOf('+');
        return plus < 0 ? text.length() : plus;
    }

    /** The end of {@code MAJOR.MINOR.PATCH}: the first {@code '-'} before {@code end}, or {@code end}. */
    private static int coreEnd(String text, int end) {
        int dash = indexOf(text, '-', 0, end);
        return dash < 0 ? end : dash;
    }

    private static int indexOf(String text, char c, int from, int to) {
        int i = text.indexOf(c, from);
        return i < to ? i : -1;
    }

    private static long number(String s, int from, int to) {
        if (from >= to || to - from > 10 || (to - from > 1 && s.charAt(from) == '0')) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : v;
    }

    /** Whether {@code text[from, to)} is a dot-separated list of non-empty identifiers. */
    private static boolean validIdentifiers(String text, int from, int to, boolean preRelease) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                if (!validIdentifier(text, start, i, preRelease)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    private static boolean validIdentifier(String text, int from, int to, boolean preRelease) {
        if (from == to) {
            return false;
        }
        boolean numeric = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
                return false;
            }
            numeric &= digit;
        }
        return !(preRelease && numeric && to - from > 1 && text.charAt(from) == '0');
    }

    private static String[] split(String text, int from, int to) {
        List<String> out = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return out.toArray(NO_IDENTIFIERS);
    }

    /** Compares the pre-release identifiers {@code text(patchEnd, end)} (none when equal) with {@code other}. */
    private static int comparePreRelease(String text, int patchEnd, int end, String[] other) {
        if (patchEnd == end || other.length == 0) {
            return Boolean.compare(patchEnd == end, other.length == 0); // a release ranks above any pre-release
        }
        int start = patchEnd + 1;
        for (String b : other) {
            if (start > end) {
                return -1; // the text has fewer identifiers
            }
            int stop = text.indexOf('.', start);
            stop = stop < 0 || stop > end ? end : stop;
            int c = compareIdentifier(text, start, stop, b);
            if (c != 0) {
                return c;
            }
            start = stop + 1;
        }
        return start > end ? 0 : 1;
    }

    private static int compareIdentifier(String a, int from, int to, String b) {
        boolean an = isNumeric(a, from, to);
        boolean bn = isNumeric(b, 0, b.length());
        int length = to - from;
        if (an && bn && length != b.length()) {
            return Integer.compare(length, b.length());
        }
        if (an != bn) {
            return an ? -1 : 1; // numeric identifiers rank below alphanumeric ones
        }
        for (int i = 0; i < Math.min(length, b.length()); i++) {
            int c = Character.compare(a.charAt(from + i), b.charAt(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(length, b.length());
    }

    @Override
    public int compareTo(SemVer o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        return c != 0 ? c : comparePreRelease(preRelease, o.preRelease);
    }

    private static int comparePreRelease(String[] a, String[] b) {
        if (a.length == 0 || b.length == 0) {
            return Integer.compare(b.length, a.length); // a release ranks above any pre-release
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = compareIdentifier(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (an != bn) {
            return an ? -1 : 1; // numeric identifiers rank below alphanumeric ones
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(String s) {
        return isNumeric(s, 0, s.length());
    }

    private static boolean isNumeric(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SemVer && compareTo((SemVer) o) == 0;
    }

    @Override
    public int hashCode() {
        int h = (major * 31 + minor) * 31 + patch;
        for (String id : preRelease) {
            h = h * 31 + id.hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder()
                .append(major)
                .append('.')
                .append(minor)
                .append('.')
                .append(patch);
        if (preRelease.length > 0) {
            sb.append('-').append(String.join(".", preRelease));
        }
        return sb.toString();
    }
}
