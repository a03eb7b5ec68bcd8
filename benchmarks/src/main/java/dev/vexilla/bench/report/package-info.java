/**
 * Turns JMH JSON results into the Markdown tables of the peer comparison.
 */
@NullMarked
package dev.vexilla.bench.report;

import org.jspecify.annotations.NullMarked;
