package dev.vexilla.contract;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the specification suites against {@code CloudProvider} over DevCycle's Bucketing API v1, asking a bucketing
 * server started for this run that serves {@code spec-flags_v6.json}. The same tags as {@link LocalProviderSpecTest}
 * are excluded: the provider must behave exactly like {@code LocalProvider} on the same flags.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages(SpecSuites.FEATURES)
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = SpecSuites.STEPS + ",dev.vexilla.contract.cloud.bucketing")
@ConfigurationParameter(
        key = FILTER_TAGS_PROPERTY_NAME,
        value = "not (" + SpecSuites.SDK_EXCLUDED + " or " + SpecSuites.CONFIG_V6_EXCLUDED + ")")
final class CloudProviderBucketingSpecTest {}
