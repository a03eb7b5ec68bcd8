/**
 * Server-sent events for the local provider: a WHATWG event-stream parser and a reconnecting SSE client over HttpClient 5 classic.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.sse;

import org.jspecify.annotations.NullMarked;
