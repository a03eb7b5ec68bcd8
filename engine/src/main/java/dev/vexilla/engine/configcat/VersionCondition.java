package dev.vexilla.engine.configcat;

import dev.vexilla.engine.configcat.Comparator.Comparison;
import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * A semantic-version condition: IS (NOT) ONE OF a list of versions, or < <= > >= a version. The attribute is read as
 * a version text (trimmed, build metadata ignored); a value that is not a valid version makes the condition
 * unevaluable, with ConfigCat's warning 3004. A comparison value that is not a valid version never matches, as in
 * ConfigCat. Immutable.
 */
final class VersionCondition extends UserCondition {

    private final Comparison comparison;
    private final boolean negated;

    /** The comparison list as written ({@code l}, for the log); {@code null} for the orderings, or when broken. */
    private final String @Nullable [] items;

    /** The comparison value as written ({@code s}, for the log); {@code null} for the lists, or when broken. */
    private final @Nullable String text;

    /** IS ONE OF: the listed versions (empty items skipped); {@code null} when an item is not a valid version. */
    private final SemVer @Nullable [] versions;

    /** The orderings: the comparison version; {@code null} when it is not a valid version. */
    private final @Nullable SemVer version;

    VersionCondition(
            String attribute,
            Comparator comparator,
            @Nullable String brokenMessage,
            String @Nullable [] items,
            @Nullable String text,
            SemVer @Nullable [] versions,
            @Nullable SemVer version) {
        super(attribute, comparator, brokenMessage);
        this.comparison = comparator.comparison;
        this.negated = comparator.negated;
        this.items = items;
        this.text = text;
        this.versions = versions;
        this.version = version;
    }

    @Override
    Outcome evaluate(Object value, EvaluationState state) {
        UserAttributes user = state.user;
        String trimmed;
        long layout;
        long core;
        if (user instanceof AttributeReads) {
            AttributeReads reads = (AttributeReads) user; // parsed once per user and attribute
            trimmed = reads.version(attributeId, value);
            layout = reads.versionLayout;
            core = reads.versionCore;
        } else {
            trimmed = value instanceof String ? ((String) value).trim() : "";
            layout = SemVer.layout(trimmed);
            core = SemVer.core(trimmed, layout);
        }
        if (layout < 0) {
            return state.attributeInvalid(this, "'" + value + "' is not a valid semantic version");
        }
        checkBroken();
        return Outcome.of(matches(trimmed, layout, core));
    }

    /**
     * Compares a valid version text, given with its {@link SemVer#layout(String) layout} and
     * {@link SemVer#core(String, long) packed core}.
     */
    boolean matches(String value, long layout, long core) {
        if (comparison == Comparison.ONE_OF) {
            if (versions == null) {
                return false;
            }
            boolean found = false;
            for (SemVer v : versions) {
                if (SemVer.compare(value, layout, core, v) == 0) {
                    found = true;
                    break;
                }
            }
            return found != negated;
        }
        if (version == null) {
            return false;
        }
        int c = SemVer.compare(value, layout, core, version);
        switch (comparison) {
            case LESS:
                return c < 0;
            case LESS_EQUALS:
                return c <= 0;
            case GREATER:
                return c > 0;
            default:
                return c >= 0;
        }
    }

    @Override
    String comparisonValue() {
        return comparator.operand == Comparator.Operand.SEMVER ? "'" + text + "'" : ConditionText.list(items);
    }
}
