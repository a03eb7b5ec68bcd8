/**
 * Stream plumbing shared by both providers: the WHATWG {@code text/event-stream} parser ({@link
 * dev.vexilla.model.internal.stream.EventStreamParser}, {@link dev.vexilla.model.internal.stream.SseEvent}) and the
 * jittered exponential reconnect backoff ({@link dev.vexilla.model.internal.stream.Backoff}, {@link
 * dev.vexilla.model.internal.stream.BackoffPolicy}). Pure Java: no HTTP client, no threads; the providers' stream
 * clients own the connection and feed the parser.
 *
 * <p><strong>Not API:</strong> everything here is internal to Vexilla and may change without notice. Its types are
 * public only so that the provider modules can reach them; no public signature of an API package names them.
 */
@NullMarked
package dev.vexilla.model.internal.stream;

import org.jspecify.annotations.NullMarked;
