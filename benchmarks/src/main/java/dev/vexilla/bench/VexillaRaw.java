package dev.vexilla.bench;

import dev.vexilla.bench.scenario.BenchUser;
import dev.vexilla.bench.scenario.Scenarios;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.User;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Vexilla's engine ({@link ConfigCatConfig}) on the scenario config: the config is parsed and compiled once, users
 * are built once in the setup, and each call is one {@link ConfigCatConfig#evaluate} (s5: one
 * {@link ConfigCatConfig#evaluateAll} pass into a fresh map, as ConfigCat's {@code getAllValues} returns one).
 */
public class VexillaRaw extends ConfigV6EngineBench<User> {

    /** Set by {@link #open(String)}, before any evaluation. */
    private ConfigCatConfig config = ConfigCatConfig.empty();

    private final PassSink passSink = new PassSink();

    @Override
    protected void open(String configJson) throws Exception {
        config = ConfigCatConfig.parse(configJson);
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

    /**
     * s5 without the result map: the engine's {@link ConfigCatConfig#evaluateAll} pass alone, each result handed to a
     * sink that counts it and keeps the last value. The map of {@code s5_allFlags100} (there to match ConfigCat's
     * {@code getAllValues}) costs about as much as the pass itself; see {@code HashMapRaw.s5_allFlags100}.
     *
     * @return the value of the last flag of the pass
     */
    @Benchmark
    public @Nullable Object s5_allFlags100Pass() {
        PassSink sink = passSink;
        sink.count = 0;
        config.evaluateAll(mainUser(), sink);
        if (sink.count != Scenarios.FLAG_COUNT) {
            throw new IllegalStateException("the pass saw " + sink.count + " flags");
        }
        return sink.last;
    }

    /** The sink of {@link #s5_allFlags100Pass()}: reused, so the pass allocates nothing around the engine. */
    private static final class PassSink implements BiConsumer<String, EvaluationResult> {
        int count;

        @Nullable
        Object last;

        @Override
        public void accept(String key, EvaluationResult result) {
            count++;
            last = result.value();
        }
    }

    @Override
    protected void close() {
        config = ConfigCatConfig.empty();
    }
}
