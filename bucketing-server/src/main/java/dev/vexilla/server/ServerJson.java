package dev.vexilla.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vexilla.model.JsonReadLimits;
import dev.vexilla.model.ObjectMappers;

/**
 * The server's {@link ObjectMapper}s for untrusted JSON, all built by shared-model's {@link ObjectMappers} (bounded
 * document size, nesting depth and string lengths, unknown properties ignored, trailing tokens rejected, no default
 * typing): one for config files and server-built documents ({@link #mapper()}), and one per server for request
 * bodies, bounded by the server's body limit and strict about scalar types ({@link #requestMapper(int)}).
 */
final class ServerJson {
    /** Largest JSON document the config mapper reads: config files may be larger than request bodies. */
    static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

    private static final ObjectMapper MAPPER = ObjectMappers.create(
            JsonReadLimits.builder().maxDocumentLength(MAX_DOCUMENT_BYTES).build());

    private ServerJson() {}

    /**
     * Returns the mapper for config files and for documents the server builds itself.
     *
     * @return the mapper, thread-safe
     */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Creates the mapper for request bodies: documents longer than the body limit are refused while parsing, and
     * scalars are read strictly ({@link ObjectMappers#createStrict}): {@code {"user_id": 123}} or
     * {@code {"user_id": 1e999999}} is a 400 naming {@code $.user_id}, never a coerced {@code "123"}. OFREP contexts
     * are read as JSON trees, which this does not change.
     *
     * @param maxBodyBytes the server's body limit (at least 1 KiB, as {@link ServerOptions} guarantees)
     * @return a new mapper, thread-safe
     */
    static ObjectMapper requestMapper(int maxBodyBytes) {
        return ObjectMappers.createStrict(
                JsonReadLimits.builder().maxDocumentLength(maxBodyBytes).build());
    }
}
