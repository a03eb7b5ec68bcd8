package dev.vexilla.contract.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Steps that put context entries on the levels of spec 3.2.3 (API, transaction, client, invocation, before hooks),
 * evaluate one flag and check the context the provider under test received.
 */
public final class ContextMergingSteps {

    /** The flag every context-merging scenario evaluates; both the spec flags and their translation define it. */
    static final String SOME_FLAG = "boolean-flag";

    private final ScenarioState state;
    private final List<ContextLevel> precedence = new ArrayList<>();

    /**
     * Creates the steps of one scenario.
     *
     * @param state the scenario's shared state
     */
    public ContextMergingSteps(ScenarioState state) {
        this.state = state;
    }

    /**
     * Adds one entry to one level.
     *
     * @param key the attribute name
     * @param value the string value
     * @param level the level's name, for example {@code "Before Hooks"}
     */
    @Given("A context entry with key {string} and value {string} is added to the {string} level")
    public void aContextEntryIsAddedToLevel(String key, String value, String level) {
        add(ContextLevel.fromLabel(level), key, value);
    }

    /**
     * Records the levels a following step walks through, lowest precedence first.
     *
     * @param table one level name per row
     */
    @Given("A table with levels of increasing precedence")
    public void aTableWithLevelsOfIncreasingPrecedence(DataTable table) {
        precedence.clear();
        for (String label : table.asList()) {
            precedence.add(ContextLevel.fromLabel(label));
        }
    }

    /**
     * Puts the same key on every level of the table up to and including one level. Only that last level gets the
     * given value; each level before it gets a value of its own, so the check proves the last level won.
     *
     * @param last the last level to fill
     * @param key the attribute name
     * @param value the value of the last level
     */
    @Given("Context entries for each level from API level down to the {string} level, with key {string} and value"
            + " {string}")
    public void contextEntriesUpToLevel(String last, String key, String value) {
        ContextLevel lastLevel = ContextLevel.fromLabel(last);
        assertThat(precedence).as("levels of the precedence table").contains(lastLevel);
        for (ContextLevel level : precedence) {
            if (level == lastLevel) {
                add(level, key, value);
                return;
            }
            add(level, key, "overwritten value from the " + level.label() + " level");
        }
    }

    /** Applies every level and evaluates {@value #SOME_FLAG}. */
    @When("Some flag was evaluated")
    public void someFlagWasEvaluated() {
        Client client = state.client();
        Map<String, Value> invocation = new HashMap<>();
        state.contextLevels.forEach((level, entries) -> {
            EvaluationContext ctx = new ImmutableContext(new HashMap<>(entries));
            switch (level) {
                case API:
                    state.api.setEvaluationContext(ctx);
                    break;
                case TRANSACTION:
                    state.api.setTransactionContext(ctx);
                    break;
                case CLIENT:
                    client.setEvaluationContext(ctx);
                    break;
                case INVOCATION:
                    invocation.putAll(entries);
                    break;
                default:
                    client.addHooks(new ContextAddingHook(ctx));
            }
        });
        state.details = client.getBooleanDetails(SOME_FLAG, false, new ImmutableContext(invocation));
    }

    /**
     * Checks an entry of the context the provider received, and that the provider answered without error.
     *
     * @param key the attribute name
     * @param value the expected string value
     */
    @Then("The merged context contains an entry with key {string} and value {string}")
    public void theMergedContextContains(String key, String value) {
        ContextRecordingProvider recorder = EvaluationSteps.requireSet(state.contextRecorder, "recording provider");
        EvaluationContext merged = recorder.lastContext();
        assertThat(merged).as("context received by the provider").isNotNull();
        Value entry = merged.getValue(key);
        assertThat(entry).as("entry %s in %s", key, merged.asMap()).isNotNull();
        assertThat(entry.asString()).as("entry %s", key).isEqualTo(value);
        assertThat(state.details().getErrorCode())
                .as("the provider under test answered %s", state.details())
                .isNull();
    }

    private void add(ContextLevel level, String key, String value) {
        state.contextLevels.computeIfAbsent(level, l -> new LinkedHashMap<>()).put(key, new Value(value));
    }

    /** A hook whose {@code before} stage returns a fixed context: the "Before Hooks" level. */
    private static final class ContextAddingHook implements Hook<Object> {
        private final EvaluationContext ctx;

        ContextAddingHook(EvaluationContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Optional<EvaluationContext> before(HookContext<Object> hookContext, Map<String, Object> hints) {
            return Optional.of(ctx);
        }
    }
}
