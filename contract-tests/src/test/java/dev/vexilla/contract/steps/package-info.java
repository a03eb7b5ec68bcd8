/**
 * Step definitions for the OpenFeature specification suites, shared by every provider under test. A binding package
 * chooses the provider by handing a {@link dev.vexilla.contract.steps.ProviderFactory} to the {@link
 * dev.vexilla.contract.steps.ScenarioState} before the first step runs.
 */
@NullMarked
package dev.vexilla.contract.steps;

import org.jspecify.annotations.NullMarked;
