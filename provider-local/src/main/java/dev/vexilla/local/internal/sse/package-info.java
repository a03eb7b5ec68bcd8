/**
 * Server-sent events for the local provider: a reconnecting SSE client over HttpClient 5 classic that feeds
 * shared-model's WHATWG event-stream parser and waits on its backoff ({@code dev.vexilla.model.internal.stream}).
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.sse;

import org.jspecify.annotations.NullMarked;
