package dev.vexilla.contract.steps;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.FatalError;
import dev.openfeature.sdk.exceptions.GeneralError;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A provider that reaches one of the non-ready states the suites ask for ("not ready", "error", "fatal", "stale") the
 * way a real provider would: by never finishing {@code initialize}, by failing it, or by emitting an event. It serves
 * no flags: every evaluation answers with the error code of its state, as spec 2.2.7 (v0.9) lets a provider do itself.
 */
final class StatusEmulatingProvider extends EventProvider {

    /** How long a never-ready initialisation blocks at most if the scenario forgets to release it. */
    private static final long MAX_BLOCK_SECONDS = 30;

    private final ProviderState target;
    private final Metadata metadata;
    private final CountDownLatch released = new CountDownLatch(1);

    /**
     * Creates a provider that will end up in a state.
     *
     * @param target {@code NOT_READY}, {@code ERROR}, {@code FATAL} or {@code STALE}
     */
    StatusEmulatingProvider(ProviderState target) {
        if (target == ProviderState.READY) {
            throw new IllegalArgumentException("use the provider under test for READY");
        }
        this.target = target;
        String name = "emulated-" + target.name().toLowerCase(Locale.ROOT);
        this.metadata = () -> name;
    }

    ProviderState target() {
        return target;
    }

    @Override
    public Metadata getMetadata() {
        return metadata;
    }

    @Override
    public void initialize(EvaluationContext evaluationContext) throws Exception {
        switch (target) {
            case NOT_READY:
                // Blocks the SDK's initialisation thread until the scenario ends, so the state stays NOT_READY.
                released.await(MAX_BLOCK_SECONDS, TimeUnit.SECONDS);
                throw new GeneralError("emulated initialisation released without becoming ready");
            case ERROR:
                throw new GeneralError("emulated initialisation failure");
            case FATAL:
                throw new FatalError("emulated unrecoverable initialisation failure");
            default:
            // STALE: ready first; the step emits PROVIDER_STALE afterwards.
        }
    }

    /** Lets a blocked {@code initialize} return; called when the scenario ends. */
    void release() {
        released.countDown();
    }

    @Override
    public void shutdown() {
        release();
        super.shutdown();
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return refuse(defaultValue);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return refuse(defaultValue);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return refuse(defaultValue);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return refuse(defaultValue);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return refuse(defaultValue);
    }

    private <T> ProviderEvaluation<T> refuse(T defaultValue) {
        ErrorCode code = target == ProviderState.NOT_READY
                ? ErrorCode.PROVIDER_NOT_READY
                : target == ProviderState.FATAL ? ErrorCode.PROVIDER_FATAL : ErrorCode.GENERAL;
        return ProviderEvaluation.<T>builder()
                .value(defaultValue)
                .reason(Reason.ERROR.name())
                .errorCode(code)
                .errorMessage("emulated " + target + " provider serves no flags")
                .build();
    }
}
