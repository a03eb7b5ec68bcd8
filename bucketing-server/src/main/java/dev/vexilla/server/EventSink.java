package dev.vexilla.server;

import java.io.IOException;

/**
 * Where accepted event batches go, one JSON line each. Lines never contain private user data or SDK keys.
 * Implementations must be thread-safe.
 */
interface EventSink extends AutoCloseable {
    /** The sink of a server without an events file: accepts every line and keeps none. */
    EventSink NONE = new EventSink() {
        @Override
        public void append(String jsonLine) {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return "EventSink.NONE";
        }
    };

    /**
     * Appends one line.
     *
     * @param jsonLine one JSON object without a line break
     * @throws IOException when the line could not be stored; the route then answers 503
     */
    void append(String jsonLine) throws IOException;

    /** Releases the sink; idempotent. */
    @Override
    void close();
}
