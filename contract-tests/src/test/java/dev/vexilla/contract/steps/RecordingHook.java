package dev.vexilla.contract.steps;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A hook that records which stages ran and the evaluation details the {@code after} and {@code finally} stages saw. */
final class RecordingHook implements Hook<Object> {

    /** The hook stages, named as the feature files name them. */
    enum Stage {
        BEFORE,
        AFTER,
        ERROR,
        FINALLY;

        static Stage fromName(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final Map<Stage, Optional<FlagEvaluationDetails<?>>> calls = new ConcurrentHashMap<>();

    @Override
    public Optional<EvaluationContext> before(HookContext<Object> ctx, Map<String, Object> hints) {
        calls.put(Stage.BEFORE, Optional.empty());
        return Optional.empty();
    }

    @Override
    public void after(HookContext<Object> ctx, FlagEvaluationDetails<Object> details, Map<String, Object> hints) {
        calls.put(Stage.AFTER, Optional.of(details));
    }

    @Override
    public void error(HookContext<Object> ctx, Exception error, Map<String, Object> hints) {
        calls.put(Stage.ERROR, Optional.empty());
    }

    @Override
    public void finallyAfter(
            HookContext<Object> ctx, FlagEvaluationDetails<Object> details, Map<String, Object> hints) {
        calls.put(Stage.FINALLY, Optional.of(details));
    }

    boolean ran(Stage stage) {
        return calls.containsKey(stage);
    }

    /**
     * Returns the details a stage received.
     *
     * @param stage {@code AFTER} or {@code FINALLY}
     * @return the details, or {@code null} if the stage did not run
     */
    @Nullable
    FlagEvaluationDetails<?> detailsSeenBy(Stage stage) {
        Optional<FlagEvaluationDetails<?>> seen = calls.get(stage);
        return seen == null ? null : seen.orElse(null);
    }
}
