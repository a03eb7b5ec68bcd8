package dev.vexilla.contract.local;

import dev.vexilla.contract.steps.ScenarioState;
import io.cucumber.java.Before;

/** Makes every scenario of its runner use {@link LocalProviderFactory}. */
public final class LocalProviderBinding {

    private final ScenarioState state;

    /**
     * Creates the binding of one scenario.
     *
     * @param state the scenario's shared state
     */
    public LocalProviderBinding(ScenarioState state) {
        this.state = state;
    }

    /** Binds the factory before any step runs. */
    @Before(order = 0)
    public void bind() {
        state.useFactory(new LocalProviderFactory());
    }
}
