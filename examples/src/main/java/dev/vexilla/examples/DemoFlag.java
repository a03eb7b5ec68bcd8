package dev.vexilla.examples;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A flag the demo evaluates, with its default value, whose type picks the OpenFeature client method.
 *
 * @param key the flag key in the demo config
 * @param defaultValue the value used when evaluation fails: a Boolean, String, Integer, Double or (a JSON
 *     flag) an OpenFeature {@link Value}
 */
record DemoFlag(String key, Object defaultValue) {
    /** The kill switch the demo turns off in the config file while it runs. */
    static final String KILL_SWITCH = "checkoutEnabled";

    /** The kill switch of the demo's DevCycle config v2: a Boolean variable every user gets, {@code true}. */
    static final String DEVCYCLE_KILL_SWITCH = "payments-enabled";

    DemoFlag {
        Objects.requireNonNull(key, "key");
        if (!(defaultValue instanceof Boolean
                || defaultValue instanceof String
                || defaultValue instanceof Integer
                || defaultValue instanceof Double
                || defaultValue instanceof Value)) {
            throw new IllegalArgumentException(
                    "defaultValue of " + key + " must be a Boolean, String, Integer, Double or Value, was "
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
     * Returns the variables of the demo's DevCycle config v2 in table order: a kill switch, a country target with a
     * 50/50 rollout behind it (a string and a number variable; DevCycle's numbers are doubles), and a JSON variable
     * with one value for an e-mail domain and another for everyone else.
     *
     * @return the flags, in table order
     */
    static List<DemoFlag> devCycle() {
        return List.of(
                new DemoFlag(DEVCYCLE_KILL_SWITCH, false),
                new DemoFlag("search-engine", "none"),
                new DemoFlag("results-per-page", 0.0),
                new DemoFlag("storefront-theme", new Value(new MutableStructure())));
    }

    /**
     * Renders an evaluated value for the demo's tables: a structure as {@code {key: value, ...}} with sorted keys, a
     * list as {@code [a, b]}, anything else as {@link String#valueOf}.
     *
     * @param value the value, an OpenFeature {@link Value} or a plain one
     * @return the text
     */
    static String text(@Nullable Object value) {
        if (!(value instanceof Value v)) {
            return String.valueOf(value);
        }
        if (v.isStructure()) {
            Map<String, Value> members = new TreeMap<>(v.asStructure().asMap());
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            members.forEach((key, member) -> joined.add(key + ": " + text(member)));
            return joined.toString();
        }
        if (v.isList()) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            v.asList().forEach(item -> joined.add(text(item)));
            return joined.toString();
        }
        return String.valueOf(v.asObject());
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
        if (defaultValue instanceof Value v) {
            return client.getObjectDetails(key, v, context);
        }
        return client.getDoubleDetails(key, (Double) defaultValue, context);
    }
}
