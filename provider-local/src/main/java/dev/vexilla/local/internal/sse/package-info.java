/**
 * The local provider's side of the change stream: {@link dev.vexilla.local.internal.sse.ApacheStreamTransport}
 * carries shared-model's {@code SseClient} ({@code dev.vexilla.model.internal.stream}) over the provider's HttpClient
 * 5 client.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.sse;

import org.jspecify.annotations.NullMarked;
