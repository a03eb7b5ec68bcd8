/**
 * Implementations of {@link dev.vexilla.local.ConfigCache} and the ConfigCat-compatible cache entry format.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.cache;

import org.jspecify.annotations.NullMarked;
