/**
 * JMH benchmarks of Vexilla's engine and providers beside their peers.
 */
@NullMarked
package dev.vexilla.bench;

import org.jspecify.annotations.NullMarked;
