package dev.vexilla.server.relay;

/**
 * Receives every config version an {@link UpstreamMirror} accepts. This is where the server's config store takes
 * the relayed bytes in.
 *
 * <p>Called on the mirror's own worker thread, one call at a time, never on an I/O thread; a listener that throws is
 * logged and the mirror goes on. A version equal to the one handed on before (same bytes) is not handed on again.
 *
 * @param <C> the compiled form of a config
 * @since 0.1.0
 */
@FunctionalInterface
public interface RelayListener<C> {

    /**
     * Takes a new accepted version of a relayed config.
     *
     * @param config the version, validated and compiled
     */
    void accept(RelayedConfig<C> config);
}
