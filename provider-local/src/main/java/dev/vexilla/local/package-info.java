/**
 * Vexilla's local provider: an OpenFeature provider that evaluates ConfigCat config JSON v6 in-process.
 */
@NullMarked
package dev.vexilla.local;

import org.jspecify.annotations.NullMarked;
