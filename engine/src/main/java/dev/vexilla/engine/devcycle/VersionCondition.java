package dev.vexilla.engine.devcycle;

import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * A {@code user} filter on a version field ({@code appVersion}, {@code platformVersion}), DevCycle's
 * {@code _checkVersionFilters}: {@code =} compares the text exactly; an absent or empty version passes nothing else;
 * {@code !=} passes when no filter version compares equal (uncleaned); {@code >}, {@code >=}, {@code <}, {@code <=}
 * compare cleaned versions (see {@link VersionText}); every other comparator fails.
 */
final class VersionCondition extends Condition {

    private final UserField field;
    private final Comparator op;
    private final FilterValues values;
    /** Each filter version's parts as written ({@code !=}); {@code null} entries never compare equal. */
    private final double[] @Nullable [] rawParts;
    /** Each filter version's parts once cleaned after a clean user version (both expression states 0). */
    private final double[] @Nullable [] cleanParts;

    VersionCondition(UserField field, Comparator op, FilterValues values) {
        this.field = field;
        this.op = op;
        this.values = values;
        String[] strings = values.strings;
        this.rawParts = new double[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            rawParts[i] = VersionText.parts(strings[i]);
        }
        this.cleanParts = cleanedParts(strings, new int[2]);
    }

    private static double[] @Nullable [] cleanedParts(String[] strings, int[] lastIndex) {
        double[][] parts = new double[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            parts[i] = VersionText.parts(VersionText.clean(strings[i], lastIndex));
        }
        return parts;
    }

    @Override
    int match(UserAttributes user, DevCycleEnvironment env) {
        return passes(field.read(user, env)) ? 0 : NO_MATCH;
    }

    private boolean passes(@Nullable String version) {
        if (op == Comparator.EQUAL) {
            return StringChecks.strings(version, op, values);
        }
        if (version == null || version.isEmpty()) {
            return false;
        }
        if (op == Comparator.NOT_EQUAL) {
            return !anyHolds(version, rawParts);
        }
        if (!op.isOrdering()) {
            return false;
        }
        if (VersionText.isClean(version)) {
            return anyHolds(version, cleanParts);
        }
        int[] lastIndex = new int[2];
        String cleaned = VersionText.clean(version, lastIndex);
        return anyHolds(cleaned, cleanedParts(values.strings, lastIndex));
    }

    private boolean anyHolds(String version, double[] @Nullable [] filterParts) {
        for (double[] parts : filterParts) {
            if (parts == null) {
                continue;
            }
            int c = VersionText.compare(version, parts);
            if ((c == 0 && op.acceptsEqual()) || (c == 1 && op.acceptsGreater()) || (c == -1 && op.acceptsLess())) {
                return true;
            }
        }
        return false;
    }

    @Override
    int variants() {
        return 1;
    }

    @Override
    String details(int variant) {
        return field.details;
    }
}
