package dev.vexilla.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits applied while reading untrusted JSON: document size, nesting depth and string length.
 *
 * <pre>{@code
 * JsonReadLimits limits = JsonReadLimits.builder().maxDocumentLength(32L * 1024 * 1024).build();
 * ObjectMapper mapper = ObjectMappers.create(limits);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JsonReadLimits {

    /** Default maximum document size: 8 MiB. A ConfigCat config of several thousand flags stays far below. */
    public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 8L * 1024 * 1024;

    /** Default maximum nesting depth of objects and arrays. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    /** Default maximum length of one string value: 1 MiB characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;

    /** The smallest accepted document limit: 1 KiB. */
    public static final long MIN_MAX_DOCUMENT_LENGTH = 1024;

    /** The smallest accepted nesting depth. */
    public static final int MIN_MAX_NESTING_DEPTH = 8;

    /** The smallest accepted string length limit. */
    public static final int MIN_MAX_STRING_LENGTH = 1024;

    private static final JsonReadLimits DEFAULTS = builder().build();

    private final long maxDocumentLength;
    private final int maxNestingDepth;
    private final int maxStringLength;

    private JsonReadLimits(Builder b) {
        this.maxDocumentLength = b.maxDocumentLength;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxStringLength = b.maxStringLength;
    }

    /**
     * Returns the default limits.
     *
     * @return limits with every {@code DEFAULT_*} value
     */
    public static JsonReadLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder that starts with the default limits.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the maximum document size.
     *
     * @return the limit in bytes (characters for text input)
     */
    public long maxDocumentLength() {
        return maxDocumentLength;
    }

    /**
     * Returns the maximum nesting depth.
     *
     * @return the depth limit
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * Returns the maximum string length.
     *
     * @return the limit in characters
     */
    public int maxStringLength() {
        return maxStringLength;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonReadLimits)) {
            return false;
        }
        JsonReadLimits that = (JsonReadLimits) o;
        return maxDocumentLength == that.maxDocumentLength
                && maxNestingDepth == that.maxNestingDepth
                && maxStringLength == that.maxStringLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxDocumentLength, maxNestingDepth, maxStringLength);
    }

    @Override
    public String toString() {
        return "JsonReadLimits{maxDocumentLength=" + maxDocumentLength + ", maxNestingDepth=" + maxNestingDepth
                + ", maxStringLength=" + maxStringLength + "}";
    }

    /**
     * Builds {@link JsonReadLimits}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private long maxDocumentLength = DEFAULT_MAX_DOCUMENT_LENGTH;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

        private Builder() {}

        /**
         * Sets the maximum document size.
         *
         * @param bytes the limit; at least {@link #MIN_MAX_DOCUMENT_LENGTH}
         * @return this builder
         * @throws IllegalArgumentException if the limit is too small
         */
        public Builder maxDocumentLength(long bytes) {
            if (bytes < MIN_MAX_DOCUMENT_LENGTH) {
                throw new IllegalArgumentException(
                        "maxDocumentLength must be >= " + MIN_MAX_DOCUMENT_LENGTH + ", was " + bytes);
            }
            this.maxDocumentLength = bytes;
            return this;
        }

        /**
         * Sets the maximum nesting depth.
         *
         * @param depth the limit; at least {@link #MIN_MAX_NESTING_DEPTH}
         * @return this builder
         * @throws IllegalArgumentException if the limit is too small
         */
        public Builder maxNestingDepth(int depth) {
            if (depth < MIN_MAX_NESTING_DEPTH) {
                throw new IllegalArgumentException(
                        "maxNestingDepth must be >= " + MIN_MAX_NESTING_DEPTH + ", was " + depth);
            }
            this.maxNestingDepth = depth;
            return this;
        }

        /**
         * Sets the maximum length of one string value.
         *
         * @param chars the limit; at least {@link #MIN_MAX_STRING_LENGTH}
         * @return this builder
         * @throws IllegalArgumentException if the limit is too small
         */
        public Builder maxStringLength(int chars) {
            if (chars < MIN_MAX_STRING_LENGTH) {
                throw new IllegalArgumentException(
                        "maxStringLength must be >= " + MIN_MAX_STRING_LENGTH + ", was " + chars);
            }
            this.maxStringLength = chars;
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return new immutable limits
         */
        public JsonReadLimits build() {
            return new JsonReadLimits(this);
        }
    }
}
