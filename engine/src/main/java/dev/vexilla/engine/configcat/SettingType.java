package dev.vexilla.engine.configcat;

/**
 * The value type of a setting (config JSON v6 field {@code t}).
 *
 * @since 0.1.0
 */
public enum SettingType {
    /** An on/off flag; values are {@link Boolean}. */
    BOOLEAN,
    /** A text setting; values are {@link String}. */
    STRING,
    /** A whole-number setting; values are {@link Integer}, or {@link Long} when a value does not fit in 32 bits. */
    INT,
    /** A decimal setting; values are {@link Double}. */
    DOUBLE
}
