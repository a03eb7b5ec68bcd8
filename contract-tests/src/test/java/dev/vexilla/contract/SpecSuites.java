package dev.vexilla.contract;

/**
 * What the specification suite runners share: where the feature files are, the shared glue, and the documented tag
 * lists each runner excludes. {@code contract-tests/README.md} lists every excluded scenario with its reason.
 */
final class SpecSuites {

    /** The copied feature files (open-feature/spec {@code specification/assets/gherkin/}), as a classpath package. */
    static final String FEATURES = "dev.vexilla.contract.gherkin";

    /** The step definitions every runner uses; each runner adds its own binding package to the glue. */
    static final String STEPS = "dev.vexilla.contract.steps";

    /**
     * The tags the OpenFeature Java SDK excludes when it runs these suites ({@code GherkinSpecTest}): the deprecated
     * {@code evaluation.feature}, the CACHED reason (no cache in the stable provider), asynchronous evaluation,
     * immutability checks and evaluation options, whose steps the SDK does not implement either.
     */
    static final String SDK_EXCLUDED =
            "@deprecated or @reason-codes-cached or @async or @immutability or @evaluation-options";

    /**
     * What a ConfigCat config JSON v6 provider cannot express: a disabled flag (reason DISABLED) and per-flag
     * metadata. {@code @metadata} tags the metadata scenario of {@code evaluation_v2.feature}, {@code @Metadata} the
     * whole {@code metadata.feature}, whose "no metadata" scenario also cannot hold: Vexilla's providers always add
     * {@code version}, {@code flagSetId} and {@code fetchTime}.
     */
    static final String CONFIG_V6_EXCLUDED = "@reason-codes-disabled or @metadata or @Metadata";

    private SpecSuites() {}
}
