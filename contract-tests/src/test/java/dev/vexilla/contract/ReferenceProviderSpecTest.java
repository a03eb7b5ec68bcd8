package dev.vexilla.contract;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the specification suites against the OpenFeature SDK's {@code InMemoryProvider} loaded from the spec's own
 * {@code test-flags.json}. This proves the shared steps: a scenario that fails here is a step bug, not a provider bug.
 * Only the tags the SDK itself excludes are left out.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages(SpecSuites.FEATURES)
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = SpecSuites.STEPS + ",dev.vexilla.contract.reference")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not (" + SpecSuites.SDK_EXCLUDED + ")")
final class ReferenceProviderSpecTest {}
