/**
 * The local provider's events pipeline: custom {@code track} events and aggregated evaluation counters, flushed to
 * {@code POST {eventsUrl}/v1/events/batch}. This package holds the interfaces the provider calls and a no-op
 * implementation; the flushing pipeline implements them.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.events;

import org.jspecify.annotations.NullMarked;
