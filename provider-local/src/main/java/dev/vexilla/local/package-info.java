/**
 * Vexilla's local provider: an OpenFeature provider that evaluates ConfigCat config JSON v6 and DevCycle config v2
 * in-process, kept fresh with either vendor's CDN and change-stream protocol.
 */
@NullMarked
package dev.vexilla.local;

import org.jspecify.annotations.NullMarked;
