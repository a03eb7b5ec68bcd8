/** Binds the shared steps to {@code CloudProvider} over DevCycle's Bucketing API v1. */
@NullMarked
package dev.vexilla.contract.cloud.bucketing;

import org.jspecify.annotations.NullMarked;
