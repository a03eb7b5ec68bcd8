package dev.vexilla.providers;

/** Which provider {@link Setting#MODE} chooses. */
enum Mode {
    /** {@code LocalProvider}: flags evaluated in this process from a downloaded or local config. */
    LOCAL,
    /** {@code CloudProvider}: every evaluation asks a bucketing server. */
    CLOUD
}
