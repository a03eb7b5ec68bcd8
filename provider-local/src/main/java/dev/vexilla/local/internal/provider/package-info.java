/**
 * The local provider's orchestration: immutable config snapshots and their lock-free evaluation, the config
 * synchroniser (HTTP fetch with ETag, polling modes, change stream, cache, offline), flag-override loading and
 * watching, source health (STALE, ERROR, FATAL) and the provider's lifecycle.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.provider;

import org.jspecify.annotations.NullMarked;
