package dev.vexilla.local.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A strict Semantic Versioning 2.0.0 version: {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, numbers without leading
 * zeros (each at most {@link Integer#MAX_VALUE}), identifiers of {@code [0-9A-Za-z-]}. Ordering follows semver.org
 * section 11; build metadata is kept for display but ignored by {@link #compareTo(SemVer)} and {@link #equals}.
 * Immutable.
 */
public final class SemVer implements Comparable<SemVer> {

    private static final String[] NO_IDENTIFIERS = new String[0];

    private final int major;
    private final int minor;
    private final int patch;
    private final String[] preRelease;

    private SemVer(int major, int minor, int patch, String[] preRelease) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = preRelease;
    }

    /**
     * Parses a version strictly; no trimming, no leading {@code v}, no missing parts.
     *
     * @param text the text
     * @return the version, or {@code null} when the text is not a valid SemVer 2.0.0 version
     */
    public static @Nullable SemVer parse(String text) {
        int plus = text.indexOf('+');
        String main = plus < 0 ? text : text.substring(0, plus);
        if (plus >= 0 && !validIdentifiers(text.substring(plus + 1), false)) {
            return null;
        }
        int dash = main.indexOf('-');
        String core = dash < 0 ? main : main.substring(0, dash);
        String[] pre = NO_IDENTIFIERS;
        if (dash >= 0) {
            String preText = main.substring(dash + 1);
            if (!validIdentifiers(preText, true)) {
                return null;
            }
            pre = preText.split("\\.", -1);
        }
        int dot1 = core.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : core.indexOf('.', dot1 + 1);
        if (dot1 < 0 || dot2 < 0 || core.indexOf('.', dot2 + 1) >= 0) {
            return null;
        }
        long major = number(core, 0, dot1);
        long minor = number(core, dot1 + 1, dot2);
        long patch = number(core, dot2 + 1, core.length());
        if (major < 0 || minor < 0 || patch < 0) {
            return null;
        }
        return new SemVer((int) major, (int) minor, (int) patch, pre);
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

    private static boolean validIdentifiers(String text, boolean preRelease) {
        List<String> ids = split(text);
        for (String id : ids) {
            if (id.isEmpty()) {
                return false;
            }
            boolean numeric = true;
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                if (!digit && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-') {
                    return false;
                }
                numeric &= digit;
            }
            if (preRelease && numeric && id.length() > 1 && id.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return out;
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
        for (int i = 0; i < s.length(); i++) {
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
