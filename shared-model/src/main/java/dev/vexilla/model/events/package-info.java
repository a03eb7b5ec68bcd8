/**
 * Wire types of the events API ({@code POST /v1/events/batch}): batches of per-user events, aggregated evaluation
 * counters and custom events, shared by the local provider's event flusher and the server's event sink.
 *
 * <p>All types are immutable, thread-safe and read with {@link dev.vexilla.model.ObjectMappers}.
 */
@NullMarked
package dev.vexilla.model.events;

import org.jspecify.annotations.NullMarked;
