/**
 * Wire types of OFREP v0.3, the OpenFeature Remote Evaluation Protocol ({@code POST /ofrep/v1/evaluate/flags/{key}}
 * and {@code POST /ofrep/v1/evaluate/flags}), shared by Vexilla's cloud provider and bucketing server.
 *
 * <p>Vexilla servers also send the reasons {@code DEFAULT} and {@code CACHED}, which OFREP's schema does not list
 * but OpenFeature defines, and put the flag metadata keys of {@link dev.vexilla.model.FlagMetadata} into
 * {@code metadata}.
 *
 * <p>All types are immutable, thread-safe and read with {@link dev.vexilla.model.ObjectMappers}.
 */
@NullMarked
package dev.vexilla.model.ofrep;

import org.jspecify.annotations.NullMarked;
