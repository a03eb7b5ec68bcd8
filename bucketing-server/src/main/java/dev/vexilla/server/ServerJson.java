package dev.vexilla.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's one {@link ObjectMapper} for untrusted JSON: bounded document size, nesting depth and string
 * lengths, unknown properties ignored, no default typing. To be replaced by the shared-model {@code ObjectMappers}
 * once that lands.
 */
final class ServerJson {
    /** Largest JSON document the mapper reads: config files may be larger than request bodies. */
    static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxNestingDepth(64)
                            .maxStringLength(1024 * 1024)
                            .maxNumberLength(64)
                            .maxNameLength(4096)
                            .build())
                    .build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ServerJson() {}

    /**
     * Returns the shared mapper.
     *
     * @return the mapper, thread-safe
     */
    static ObjectMapper mapper() {
        return MAPPER;
    }
}
