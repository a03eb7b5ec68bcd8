/**
 * The OpenFeature specification Gherkin suites run against Vexilla's providers: one JUnit Platform suite class per
 * provider, each with its own glue binding and its own documented list of excluded tags (see {@link
 * dev.vexilla.contract.SpecSuites}).
 */
@NullMarked
package dev.vexilla.contract;

import org.jspecify.annotations.NullMarked;
