package dev.vexilla.server;

/**
 * Validates and compiles one config JSON v6 file before the server serves it.
 *
 * <p>The config store calls this for every new or changed file, off the request threads. A file is served only
 * when this returns; the compiled form is kept beside the served bytes, opaque to the store, for the evaluation
 * routes to use. The default implementation ({@link ConfigValidators#jsonShape()}) only checks the JSON shape;
 * the evaluation engine's compiler plugs in here.
 *
 * <p>Implementations must be thread-safe and must not keep the byte array.
 *
 * @param <C> the compiled form of a config
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConfigValidator<C> {

    /**
     * Validates and compiles one config file.
     *
     * @param configName the config's name (the file name without {@code .json}); for messages only
     * @param json the file's bytes (UTF-8 JSON)
     * @return the compiled config, never null
     * @throws InvalidConfigException when the file is not a valid config, with the JSON path of the problem
     */
    C compile(String configName, byte[] json) throws InvalidConfigException;
}
