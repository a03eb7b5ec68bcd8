package dev.vexilla.engine.configcat;

import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.UserAttributes;
import org.jspecify.annotations.Nullable;

/**
 * ConfigCat's percentage options: the user's bucket, {@code SHA1(flag key + attribute value)} reduced to 0..99, walked
 * through the options' cumulative percentages.
 */
final class PercentageOptions {

    private PercentageOptions() {}

    /** The name of the attribute a flag's options are based on: its own ({@code a}), or the identifier. */
    static String attributeName(Flag flag) {
        return flag.percentageAttribute != null ? flag.percentageAttribute : UserAttributes.IDENTIFIER;
    }

    /**
     * Returns the text of the attribute a flag's options are based on: the identifier ({@code ""} when it has none),
     * or the flag's own attribute as text.
     *
     * @return the text, or {@code null} when the flag's own attribute is missing (or an empty Email or Country)
     */
    static @Nullable String attributeValue(Flag flag, UserAttributes user) {
        String attribute = flag.percentageAttribute;
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

    /**
     * Chooses the option of the user's bucket.
     *
     * @param value the text of the attribute the options are based on
     * @return the option's precomputed result
     * @throws BrokenConfigException when the percentages add up to less than the bucket (under 100)
     */
    static EvaluationResult choose(Flag flag, Option[] options, String value, @Nullable Trace trace) {
        int bucket = Sha1.bucket(flag.key, value);
        if (trace != null) {
            String name = attributeName(flag);
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
}
