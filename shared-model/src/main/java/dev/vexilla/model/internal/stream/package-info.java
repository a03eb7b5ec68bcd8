/**
 * The change-stream client both providers use: the reconnecting server-sent events client ({@link
 * dev.vexilla.model.internal.stream.SseClient}, its options, status and listener), the WHATWG {@code
 * text/event-stream} parser ({@link dev.vexilla.model.internal.stream.EventStreamParser}, {@link
 * dev.vexilla.model.internal.stream.SseEvent}) and the jittered exponential reconnect backoff ({@link
 * dev.vexilla.model.internal.stream.Backoff}, {@link dev.vexilla.model.internal.stream.BackoffPolicy}). No HTTP client:
 * each provider supplies a {@link dev.vexilla.model.internal.stream.StreamTransport} over its own. The message the
 * stream carries is {@link dev.vexilla.model.stream.ChangeMessage}.
 *
 * <p><strong>Not API:</strong> everything here is internal to Vexilla and may change without notice. Its types are
 * public only so that the provider modules can reach them; no public signature of an API package names them.
 */
@NullMarked
package dev.vexilla.model.internal.stream;

import org.jspecify.annotations.NullMarked;
