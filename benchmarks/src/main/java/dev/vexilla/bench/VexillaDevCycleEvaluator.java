package dev.vexilla.bench;

import dev.vexilla.bench.scenario.DevCycleBenchUser;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import dev.vexilla.model.DevCycleFields;
import dev.vexilla.model.User;
import java.util.HashMap;
import java.util.Map;

/**
 * Vexilla's DevCycle engine ({@link DevCycleConfig}): the config is parsed and compiled once, and each evaluation is
 * one {@link DevCycleConfig#evaluate} (all variables: one {@link DevCycleConfig#evaluateAll} pass into a fresh map, as
 * DevCycle's {@code allVariables} returns one). Users are Vexilla {@link User}s: the user id as identifier, e-mail and
 * country as the well-known attributes, {@code appVersion} and the custom data as custom attributes, which is what
 * the context mapping makes of the same OpenFeature context.
 *
 * <p>Thread-safe: the compiled config is immutable and evaluations take no lock.
 */
final class VexillaDevCycleEvaluator implements DevCycleEvaluator<User> {

    private static final String NO_STRING = "none";

    private final DevCycleConfig config;

    private VexillaDevCycleEvaluator(DevCycleConfig config) {
        this.config = config;
    }

    /**
     * Parses and compiles a config, which must compile without problems.
     *
     * @param configJson the DevCycle config v2 text
     * @return the evaluator
     * @throws ConfigParseException if the config does not parse
     * @throws IllegalStateException if a feature of the config is broken
     */
    static VexillaDevCycleEvaluator parse(String configJson) throws ConfigParseException {
        DevCycleConfig config = DevCycleConfig.parse(configJson);
        if (!config.problems().isEmpty()) {
            throw new IllegalStateException("the scenario config has problems: " + config.problems());
        }
        return new VexillaDevCycleEvaluator(config);
    }

    /**
     * Returns the compiled config.
     *
     * @return the config
     */
    DevCycleConfig config() {
        return config;
    }

    @Override
    public User user(DevCycleBenchUser user) {
        return vexillaUser(user);
    }

    /**
     * Converts a scenario user into a Vexilla user: the user id as identifier, e-mail and country as the well-known
     * attributes, {@code appVersion} and the custom data as custom attributes.
     *
     * @param user the scenario user
     * @return the Vexilla user
     */
    static User vexillaUser(DevCycleBenchUser user) {
        User.Builder builder = User.builder()
                .identifier(user.userId())
                .email(user.email())
                .country(user.country())
                .attribute(DevCycleFields.APP_VERSION, user.appVersion());
        user.customData().forEach(builder::attribute);
        return builder.build();
    }

    @Override
    public boolean booleanValue(String key, User user) {
        Object value = config.evaluate(key, user).value();
        return value instanceof Boolean && (Boolean) value;
    }

    @Override
    public String stringValue(String key, User user) {
        Object value = config.evaluate(key, user).value();
        return value instanceof String ? (String) value : NO_STRING;
    }

    @Override
    public Map<String, Object> allValues(User user) {
        Map<String, Object> values = new HashMap<>(256);
        config.evaluateAll(user, (key, result) -> values.put(key, result.value()));
        return values;
    }

    @Override
    public void close() {}
}
