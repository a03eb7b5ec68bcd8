package dev.vexilla.bench;

import dev.vexilla.bench.scenario.BenchUser;
import dev.vexilla.local.engine.CompiledConfig;
import dev.vexilla.model.User;
import java.util.HashMap;
import java.util.Map;

/**
 * Vexilla's engine ({@link CompiledConfig}) on the scenario config: the config is parsed and compiled once, users
 * are built once in the setup, and each call is one {@link CompiledConfig#evaluate} (s5: one
 * {@link CompiledConfig#evaluateAll} pass into a fresh map, as ConfigCat's {@code getAllValues} returns one).
 */
public class VexillaRaw extends ConfigV6EngineBench<User> {

    /** Set by {@link #open(String)}, before any evaluation. */
    private CompiledConfig config = CompiledConfig.empty();

    @Override
    protected void open(String configJson) throws Exception {
        config = CompiledConfig.parse(configJson);
    }

    @Override
    protected User user(BenchUser user) {
        User.Builder builder =
                User.builder().identifier(user.identifier()).email(user.email()).country(user.country());
        user.custom().forEach(builder::attribute);
        return builder.build();
    }

    @Override
    protected boolean booleanValue(String key, User user) {
        Object value = config.evaluate(key, user).value();
        return value instanceof Boolean && (Boolean) value;
    }

    @Override
    protected String stringValue(String key, User user) {
        Object value = config.evaluate(key, user).value();
        return value instanceof String ? (String) value : "";
    }

    @Override
    protected Map<String, ?> allValues(User user) {
        Map<String, Object> values = new HashMap<>(256);
        config.evaluateAll(user, (key, result) -> values.put(key, result.value()));
        return values;
    }

    @Override
    protected void close() {
        config = CompiledConfig.empty();
    }
}
