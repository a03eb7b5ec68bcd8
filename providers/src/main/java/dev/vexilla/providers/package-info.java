/**
 * Vexilla's providers by configuration: {@link dev.vexilla.providers.VexillaProviders} builds the local or the cloud
 * provider from {@code VEXILLA_*} environment variables, {@code vexilla.*} system properties or a map, so an
 * application swaps one for the other without changing code.
 */
@NullMarked
package dev.vexilla.providers;

import org.jspecify.annotations.NullMarked;
