package dev.vexilla.local;

/**
 * How locally defined flag values combine with a remote config, as in ConfigCat's flag overrides.
 *
 * @since 0.1.0
 */
public enum OverrideBehaviour {
    /** Only the local settings are used; the remote config is ignored. */
    LOCAL_ONLY,
    /** Both are used; where a key exists in both, the local setting wins. */
    LOCAL_OVER_REMOTE,
    /** Both are used; where a key exists in both, the remote setting wins. */
    REMOTE_OVER_LOCAL
}
