package dev.vexilla.engine.configcat;

/**
 * How {@link ConfigCatConfig#overlay(ConfigCatConfig, OverrideBehaviour)} combines a remote config with locally defined
 * flags, with the names ConfigCat's SDKs give its flag-override behaviours.
 *
 * <p>The local provider has its own public option type with the same three values and maps it onto this one, so that
 * its users configure overrides without naming an engine type.
 *
 * @since 0.2.0
 */
public enum OverrideBehaviour {
    /** Only the local flags are used; the remote config is ignored. */
    LOCAL_ONLY,
    /** Both are used; where a key exists in both, the local flag wins. */
    LOCAL_OVER_REMOTE,
    /** Both are used; where a key exists in both, the remote flag wins. */
    REMOTE_OVER_LOCAL
}
