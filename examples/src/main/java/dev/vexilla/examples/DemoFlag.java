package dev.vexilla.examples;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import java.util.List;
import java.util.Objects;

/**
 * A flag the demo evaluates, with its default value, whose type picks the OpenFeature client method.
 *
 * @param key the flag key in the demo config
 * @param defaultValue the value used when evaluation fails: a Boolean, String, Integer or Double
 */
record DemoFlag(String key, Object defaultValue) {
    /** The kill switch the demo turns off in the config file while it runs. */
    static final String KILL_SWITCH = "checkoutEnabled";

    DemoFlag {
        Objects.requireNonNull(key, "key");
        if (!(defaultValue instanceof Boolean
                || defaultValue instanceof String
                || defaultValue instanceof Integer
                || defaultValue instanceof Double)) {
            throw new IllegalArgumentException(
                    "defaultValue of " + key + " must be a Boolean, String, Integer or Double, was "
                            + defaultValue.getClass().getName());
        }
    }

    /**
     * Returns the flags of the demo's table, one of each rule kind of the demo config.
     *
     * @return the flags, in table order
     */
    static List<DemoFlag> all() {
        return List.of(
                new DemoFlag(KILL_SWITCH, false),
                new DemoFlag("supportTier", "standard"),
                new DemoFlag("upgradeBanner", "none"),
                new DemoFlag("newDashboard", false),
                new DemoFlag("searchSuggestions", false),
                new DemoFlag("maxUploadMb", 0));
    }

    /**
     * Evaluates this flag through an OpenFeature client; never throws for a failed evaluation (the details say why).
     *
     * @param client the client
     * @param context the evaluation context
     * @return the details
     */
    FlagEvaluationDetails<?> evaluate(Client client, EvaluationContext context) {
        if (defaultValue instanceof Boolean b) {
            return client.getBooleanDetails(key, b, context);
        }
        if (defaultValue instanceof String s) {
            return client.getStringDetails(key, s, context);
        }
        if (defaultValue instanceof Integer i) {
            return client.getIntegerDetails(key, i, context);
        }
        return client.getDoubleDetails(key, (Double) defaultValue, context);
    }
}
