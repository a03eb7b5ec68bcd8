/**
 * HTTP plumbing of the local provider: the shared HTTP client factory and the config fetcher (ETag, data-governance
 * redirects). Retries wait on shared-model's jittered exponential backoff,
 * {@code dev.vexilla.model.internal.stream.Backoff}.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.http;

import org.jspecify.annotations.NullMarked;
