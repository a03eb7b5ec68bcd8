/**
 * Vexilla's cloud provider: an OpenFeature provider that asks a bucketing server (Bucketing API v1 or OFREP).
 */
@NullMarked
package dev.vexilla.cloud;

import org.jspecify.annotations.NullMarked;
