/**
 * Wire types of the DevCycle-style Bucketing API v1 ({@code POST /v1/variables/{key}}, {@code /v1/variables},
 * {@code /v1/features}, {@code /v1/track}), shared by Vexilla's cloud provider and bucketing server.
 *
 * <p>The shapes follow DevCycle's API so DevCycle clients can talk to the server. Where DevCycle has no field for
 * something Vexilla needs to reproduce a local evaluation exactly (the OpenFeature reason, the variant, the error
 * kind, the flag metadata) the types add a documented {@code "vexilla"} extension object
 * ({@link dev.vexilla.model.bucketing.VexillaDetails}); DevCycle clients ignore unknown fields.
 *
 * <p>All types are immutable, thread-safe and read with {@link dev.vexilla.model.ObjectMappers}.
 */
@NullMarked
package dev.vexilla.model.bucketing;

import org.jspecify.annotations.NullMarked;
