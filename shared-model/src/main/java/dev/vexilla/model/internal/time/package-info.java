/**
 * Deadlines shared by both providers: a {@link dev.vexilla.model.internal.time.Deadline} measured on the JVM's
 * monotonic clock, and a {@link dev.vexilla.model.internal.time.DeadlineTimer} that aborts an operation (an HTTP
 * request) when its deadline passes, however the server behaves: a silent socket, or one that sends a byte just
 * often enough to defeat every read timeout.
 *
 * <p><strong>Not API:</strong> everything here is internal to Vexilla and may change without notice. Its types are
 * public only so that the provider modules can reach them; no public signature of an API package names them.
 */
@NullMarked
package dev.vexilla.model.internal.time;

import org.jspecify.annotations.NullMarked;
