package dev.vexilla.contract;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the specification suites against {@code LocalProvider} loaded from {@code spec-flags_v6.json}, the spec flags
 * translated into ConfigCat config JSON v6. Excluded: the tags the SDK excludes, and what config v6 cannot express
 * ({@link SpecSuites#CONFIG_V6_EXCLUDED}).
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages(SpecSuites.FEATURES)
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = SpecSuites.STEPS + ",dev.vexilla.contract.local")
@ConfigurationParameter(
        key = FILTER_TAGS_PROPERTY_NAME,
        value = "not (" + SpecSuites.SDK_EXCLUDED + " or " + SpecSuites.CONFIG_V6_EXCLUDED + ")")
final class LocalProviderSpecTest {}
