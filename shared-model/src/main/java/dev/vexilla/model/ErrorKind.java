package dev.vexilla.model;

/**
 * How an evaluation failed. Each kind maps one to one onto an OpenFeature {@code ErrorCode} of the same name.
 *
 * @since 0.1.0
 */
public enum ErrorKind {
    /** No config has been loaded yet. */
    PROVIDER_NOT_READY,
    /** The flag key is not in the config. */
    FLAG_NOT_FOUND,
    /** The flag's config is broken (unknown comparator, cycle, percentages under 100, ...). */
    PARSE_ERROR,
    /** The flag's type differs from the requested type. */
    TYPE_MISMATCH,
    /** The evaluation needs a targeting key and the context has none. */
    TARGETING_KEY_MISSING,
    /** The context cannot be used (for example a malformed user sent to a server). */
    INVALID_CONTEXT,
    /** The provider is in an unrecoverable state (for example an invalid SDK key). */
    PROVIDER_FATAL,
    /** Anything else: timeouts, server errors, I/O failures. */
    GENERAL
}
