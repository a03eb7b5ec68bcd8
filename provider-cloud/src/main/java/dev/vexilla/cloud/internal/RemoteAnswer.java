package dev.vexilla.cloud.internal;

import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultReason;
import java.util.Objects;

/**
 * What the server said about one flag: the engine result and its flag metadata, plus what the exchange means for the
 * provider's health.
 */
public final class RemoteAnswer {
    /** What an exchange means for the provider's health. */
    public enum Outcome {
        /** The server answered (success, or a per-flag error such as 404 or 400). */
        ANSWERED,
        /** Timeout, connection error, 5xx or an unreadable answer: recoverable. */
        FAILED,
        /** 401 or 403: the key is refused; no further requests. */
        FATAL,
        /** 429: no request before {@link #retryAtMillis()}. */
        RATE_LIMITED
    }

    private final EvaluationResult result;
    private final ImmutableMetadata metadata;
    private final Outcome outcome;
    private final long retryAtMillis;

    RemoteAnswer(EvaluationResult result, ImmutableMetadata metadata, Outcome outcome, long retryAtMillis) {
        this.result = Objects.requireNonNull(result, "result");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.outcome = outcome;
        this.retryAtMillis = retryAtMillis;
    }

    static RemoteAnswer answered(EvaluationResult result, ImmutableMetadata metadata) {
        return new RemoteAnswer(result, metadata, Outcome.ANSWERED, 0);
    }

    private static final RemoteAnswer EXCHANGED = new RemoteAnswer(
            EvaluationResult.success(
                    Boolean.TRUE, null, ResultReason.STATIC, EvaluationResult.NONE, EvaluationResult.NONE),
            ImmutableMetadata.EMPTY,
            Outcome.ANSWERED,
            0);

    /** The outcome of an exchange that carried no single flag (all flags, a check): the server answered. */
    static RemoteAnswer exchanged() {
        return EXCHANGED;
    }

    /**
     * Returns an error decided by the client without an exchange (closed provider, refused key, rate limit, bad
     * context); it does not change the provider's health.
     *
     * @param kind the error kind
     * @param message the message
     * @return the answer
     */
    public static RemoteAnswer local(ErrorKind kind, String message) {
        return new RemoteAnswer(EvaluationResult.error(kind, message), ImmutableMetadata.EMPTY, Outcome.ANSWERED, 0);
    }

    static RemoteAnswer failed(String message) {
        return new RemoteAnswer(
                EvaluationResult.error(ErrorKind.GENERAL, message), ImmutableMetadata.EMPTY, Outcome.FAILED, 0);
    }

    static RemoteAnswer fatal(String message) {
        return new RemoteAnswer(
                EvaluationResult.error(ErrorKind.PROVIDER_FATAL, message), ImmutableMetadata.EMPTY, Outcome.FATAL, 0);
    }

    static RemoteAnswer rateLimited(long retryAtMillis) {
        return new RemoteAnswer(
                EvaluationResult.error(ErrorKind.GENERAL, "rate limited by the server (429)"),
                ImmutableMetadata.EMPTY,
                Outcome.RATE_LIMITED,
                retryAtMillis);
    }

    /**
     * Returns the answer as served from the cache: the same value and metadata with reason {@code CACHED}.
     *
     * @return the cached form
     */
    public RemoteAnswer asCached() {
        return new RemoteAnswer(result.withReason(ResultReason.CACHED), metadata, outcome, retryAtMillis);
    }

    /**
     * Returns the engine result.
     *
     * @return the result
     */
    public EvaluationResult result() {
        return result;
    }

    /**
     * Returns the flag metadata (see {@link FlagMetadata}).
     *
     * @return the metadata, empty when the server sent none
     */
    public ImmutableMetadata metadata() {
        return metadata;
    }

    /**
     * Returns what the exchange means for health.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Returns when requests may resume after a 429.
     *
     * @return epoch milliseconds on the provider's clock; 0 unless {@link Outcome#RATE_LIMITED}
     */
    public long retryAtMillis() {
        return retryAtMillis;
    }

    @Override
    public String toString() {
        return "RemoteAnswer{" + outcome + ", " + result + "}";
    }
}
