package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one place where the engine's JSON reader and its read limits are configured, so it can be swapped for the
 * shared-model factory later. Configs are untrusted input: the limits bound memory and nesting.
 */
final class EngineJson {

    /** The largest config document accepted, in characters (64 MiB). */
    static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

    /** The deepest nesting accepted; config v6 needs less than 10 levels. */
    static final int MAX_NESTING_DEPTH = 64;

    /** The longest string value accepted (1 MiB). */
    static final int MAX_STRING_LENGTH = 1024 * 1024;

    /** The longest number literal accepted. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EngineJson() {}

    /**
     * Returns the shared mapper (thread-safe, no default typing, unknown fields ignored, trailing tokens rejected).
     *
     * @return the mapper
     */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Returns the shared streaming factory with the same limits.
     *
     * @return the factory
     */
    static JsonFactory factory() {
        return FACTORY;
    }
}
