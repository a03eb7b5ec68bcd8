package dev.vexilla.cloud;

/**
 * The wire protocol a {@link CloudProvider} speaks to its bucketing server.
 *
 * @since 0.1.0
 */
public enum Protocol {
    /** DevCycle's Bucketing API v1: {@code POST /v1/variables/{key}}, the key in {@code Authorization}. */
    BUCKETING_V1,
    /** OFREP v0.3: {@code POST /ofrep/v1/evaluate/flags/{key}}, the key as {@code Authorization: Bearer}. */
    OFREP
}
