package dev.vexilla.bench;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;

/** What the benchmark states' trial setups share: releasing after a failed start, and a READY OpenFeature client. */
final class TrialSetup {

    /** One step of a setup or teardown. */
    @FunctionalInterface
    interface Step {
        /**
         * Runs the step.
         *
         * @throws Exception if it fails
         */
        void run() throws Exception;
    }

    private TrialSetup() {}

    /**
     * Runs {@code start}; if it fails, runs {@code release} before rethrowing, because JMH does not tear down a state
     * whose setup failed (a provider, a server or an engine would stay open for the rest of the run).
     *
     * @param start the setup
     * @param release the teardown; a failure of it is added to the setup's failure as suppressed
     * @throws Exception the setup's failure
     */
    static void startOrRelease(Step start, Step release) throws Exception {
        try {
            start.run();
        } catch (Exception | Error e) {
            try {
                release.run();
            } catch (Exception cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    /**
     * Sets the provider on the API, waits for its initialization and returns a client of it.
     *
     * @param api an isolated API
     * @param provider the provider under measurement
     * @param benchmark names the benchmark in the error
     * @return a client whose provider is READY
     * @throws IllegalStateException if the provider is not READY after its initialization
     */
    static Client readyClient(OpenFeatureAPI api, FeatureProvider provider, String benchmark) {
        api.setProviderAndWait(provider);
        Client client = api.getClient();
        if (client.getProviderState() != ProviderState.READY) {
            throw new IllegalStateException(benchmark + " provider is " + client.getProviderState() + ", not READY");
        }
        return client;
    }
}
