package dev.vexilla.engine;

/**
 * The flag models the engine understands.
 *
 * @since 0.2.0
 */
public enum FlagModel {
    /** ConfigCat's config JSON v6: settings ({@code "f"}), segments ({@code "s"}) and preferences ({@code "p"}). */
    CONFIGCAT_V6,

    /**
     * DevCycle's config v2 (what its server SDKs download from {@code /config/v2/server/{sdkKey}.json}): project,
     * environment, features with variations and targets, variables and audiences.
     */
    DEVCYCLE_V2
}
