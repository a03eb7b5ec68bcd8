package dev.vexilla.engine.configcat;

/**
 * Signals, inside an evaluation, that the flag's config is broken (ConfigCat's "invalid config" class of errors):
 * the evaluation of that flag fails with {@code PARSE_ERROR} and this message. Carries no stack trace.
 */
final class BrokenConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BrokenConfigException(String message) {
        super(message, null, false, false);
    }
}
