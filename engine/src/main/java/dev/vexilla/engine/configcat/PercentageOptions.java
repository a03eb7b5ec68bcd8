package dev.vexilla.engine.configcat;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a percentage option: {@code SHA1(key + attribute)} bucket walked through the cumulative percentages. Returns
 * a precomputed result, or one of the two "skipped" markers when the user or the attribute is missing.
 */
final class PercentageOptions {

    /** Marker: options skipped because there is no user. Never returned to callers of the engine. */
    static final EvaluationResult SKIPPED_USER_MISSING =
            EvaluationResult.error(ErrorKind.GENERAL, "% options skipped: user missing");

    /** Marker: options skipped because the percentage attribute is missing. Never returned to callers. */
    static final EvaluationResult SKIPPED_ATTRIBUTE_MISSING =
            EvaluationResult.error(ErrorKind.GENERAL, "% options skipped: attribute missing");

    private PercentageOptions() {}

    static String attributeName(Flag flag) {
        return flag.percentageAttribute != null ? flag.percentageAttribute : UserAttributes.IDENTIFIER;
    }

    static EvaluationResult choose(Flag flag, Option[] options, @Nullable UserAttributes user, @Nullable Trace trace) {
        if (user == null) {
            if (trace != null) {
                trace.line("Skipping % options because the User Object is missing.");
            }
            return SKIPPED_USER_MISSING;
        }
        String name = attributeName(flag);
        String value = percentageValue(flag.percentageAttribute, user);
        if (value == null) {
            if (trace != null) {
                trace.line("Skipping % options because the User." + name + " attribute is missing.");
            }
            return SKIPPED_ATTRIBUTE_MISSING;
        }
        int bucket = Sha1.bucket(flag.key, value);
        if (trace != null) {
            trace.line("Evaluating % options based on the User." + name + " attribute:");
            trace.line("- Computing hash in the [0..99] range from User." + name + " => " + bucket
                    + " (this value is sticky and consistent across all SDKs)");
        }
        int cumulative = 0;
        for (int i = 0; i < options.length; i++) {
            Option option = options[i];
            cumulative += option.percentage;
            if (bucket < cumulative) {
                if (trace != null) {
                    trace.line("- Hash value " + bucket + " selects % option " + (i + 1) + " (" + option.percentage
                            + "%), '" + option.valueText() + "'.");
                }
                return option.result;
            }
        }
        throw new BrokenConfigException("Sum of percentage option percentages is less than 100.");
    }

    private static @Nullable String percentageValue(@Nullable String attribute, UserAttributes user) {
        if (attribute == null) {
            String id = user.identifier();
            return id != null ? id : "";
        }
        Object raw = user.attribute(attribute);
        if (raw == null
                || ("".equals(raw)
                        && (UserAttributes.EMAIL.equals(attribute) || UserAttributes.COUNTRY.equals(attribute)))) {
            return null;
        }
        return AttributeText.toText(raw);
    }
}
