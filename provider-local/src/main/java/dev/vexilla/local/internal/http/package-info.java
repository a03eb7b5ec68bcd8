/**
 * HTTP plumbing of the local provider: the shared HTTP client factory, the config fetcher (ETag, data-governance redirects) and the jittered exponential backoff.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.http;

import org.jspecify.annotations.NullMarked;
