/**
 * Vexilla's demo and examples.
 */
@NullMarked
package dev.vexilla.examples;

import org.jspecify.annotations.NullMarked;
