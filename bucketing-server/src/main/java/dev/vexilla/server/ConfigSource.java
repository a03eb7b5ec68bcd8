package dev.vexilla.server;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the configs and the SDK key mapping of a {@link ConfigStore} come from when they are not read from a config
 * directory: a shared Redis ({@link RedisConfigSource}) or an upstream CDN in relay mode
 * ({@link UpstreamConfigSource}). The read side pushes every accepted state as a complete {@link SourceSnapshot} plus
 * the source's health; the store compiles what changed, swaps it in and announces it. The optional write side
 * ({@link #writer()}) is what the admin API writes through.
 *
 * <p>A source never pushes a config it has not accepted; the store still validates every version and keeps the last
 * good compiled copy when one fails. Implementations call the listener from one thread at a time.
 */
interface ConfigSource extends AutoCloseable {

    /** Receives what a source reads. */
    interface Listener {
        /**
         * Receives the complete current state of the source.
         *
         * @param snapshot every config and key the source holds now
         */
        void snapshot(SourceSnapshot snapshot);

        /**
         * Receives the source's health after every change of it.
         *
         * @param failure a short client-safe reason the source cannot be read (the last snapshot keeps serving), or
         *     null once it can be read again
         */
        void health(@Nullable String failure);
    }

    /**
     * Starts reading: delivers a first snapshot (or a failure) before returning when the source is reachable, then
     * every change. Called once.
     *
     * @param listener receives snapshots and health
     */
    void start(Listener listener);

    /**
     * Returns the write side, if this source accepts writes.
     *
     * @return the writer, empty for a read-only source
     */
    Optional<ConfigWriter> writer();

    /** Stops reading and releases connections and threads; idempotent. */
    @Override
    void close();
}
