package dev.vexilla.model.internal.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A state change of an {@link SseClient}: connected, disconnected (with its cause and the delay before the next
 * attempt) or failed for good. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class StreamStatus {
    /**
     * Where the stream stands.
     *
     * @since 0.1.0
     */
    public enum State {
        /** Not started, or started and not yet connected. Never reported to a listener. */
        INITIALIZING,
        /** The server accepted the stream (200, {@code text/event-stream}); events may arrive. */
        CONNECTED,
        /** The connection ended or could not be made; the client reconnects after {@link #retryDelay()}. */
        DISCONNECTED,
        /** The server refused the stream for good (for example 401 or 403); the client will not reconnect. */
        FAILED
    }

    /**
     * Why the stream is not connected.
     *
     * @since 0.1.0
     */
    public enum Cause {
        /** Connected or not started. */
        NONE,
        /** The server ended the response. */
        END_OF_STREAM,
        /** Nothing (not even a heartbeat comment) arrived within the read timeout. */
        READ_TIMEOUT,
        /** The connection could not be made, or broke. */
        IO_ERROR,
        /** The server answered with an error status, see {@link #httpStatus()}. */
        HTTP_ERROR,
        /** The server answered 204 No Content: it asks the client not to reconnect. */
        NO_CONTENT,
        /** The server answered 200 with a content type other than {@code text/event-stream}. */
        BAD_CONTENT_TYPE,
        /** The HTTP client was closed under the stream. */
        CLIENT_CLOSED
    }

    private final State state;
    private final Cause cause;
    private final int httpStatus;
    private final String message;
    private final @Nullable Duration retryDelay;
    private final Instant time;

    private StreamStatus(
            State state, Cause cause, int httpStatus, String message, @Nullable Duration retryDelay, Instant time) {
        this.state = state;
        this.cause = cause;
        this.httpStatus = httpStatus;
        this.message = Objects.requireNonNull(message, "message");
        this.retryDelay = retryDelay;
        this.time = Objects.requireNonNull(time, "time");
    }

    static StreamStatus initializing(Instant time) {
        return new StreamStatus(State.INITIALIZING, Cause.NONE, 0, "", null, time);
    }

    static StreamStatus connected(Instant time) {
        return new StreamStatus(State.CONNECTED, Cause.NONE, 200, "", null, time);
    }

    static StreamStatus disconnected(Cause cause, int httpStatus, String message, Duration retryDelay, Instant time) {
        return new StreamStatus(State.DISCONNECTED, cause, httpStatus, message, retryDelay, time);
    }

    static StreamStatus failed(Cause cause, int httpStatus, String message, Instant time) {
        return new StreamStatus(State.FAILED, cause, httpStatus, message, null, time);
    }

    /**
     * Returns where the stream stands.
     *
     * @return the state; never null
     */
    public State state() {
        return state;
    }

    /**
     * Returns why the stream is not connected.
     *
     * @return the cause, {@link Cause#NONE} when connected; never null
     */
    public Cause cause() {
        return cause;
    }

    /**
     * Returns the HTTP status of the last response.
     *
     * @return the status, empty when no response arrived
     */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * Returns a description of the cause, for a log line; it never contains the SDK key.
     *
     * @return the message, empty when connected; never null
     */
    public String message() {
        return message;
    }

    /**
     * Returns how long the client waits before reconnecting.
     *
     * @return the delay, present only for {@link State#DISCONNECTED}
     */
    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    /**
     * Returns when the change happened, by the client's clock.
     *
     * @return the time; never null
     */
    public Instant time() {
        return time;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StreamStatus)) {
            return false;
        }
        StreamStatus other = (StreamStatus) o;
        return state == other.state
                && cause == other.cause
                && httpStatus == other.httpStatus
                && message.equals(other.message)
                && Objects.equals(retryDelay, other.retryDelay)
                && time.equals(other.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, cause, httpStatus, message, retryDelay, time);
    }

    @Override
    public String toString() {
        return "StreamStatus{" + state + ", cause=" + cause + (httpStatus == 0 ? "" : ", status=" + httpStatus)
                + (message.isEmpty() ? "" : ", message=" + message)
                + (retryDelay == null ? "" : ", retryDelay=" + retryDelay) + ", time=" + time + '}';
    }
}
