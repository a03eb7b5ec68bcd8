package dev.vexilla.contract.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.FlagEvaluationDetails;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Steps that add a recording hook to the client and check what its stages saw. */
public final class HookSteps {

    private final ScenarioState state;

    /**
     * Creates the steps of one scenario.
     *
     * @param state the scenario's shared state
     */
    public HookSteps(ScenarioState state) {
        this.state = state;
    }

    /** Adds a {@link RecordingHook} to the scenario's client. */
    @Given("a client with added hook")
    public void aClientWithAddedHook() {
        RecordingHook hook = new RecordingHook();
        state.hook = hook;
        state.client().addHooks(hook);
    }

    /**
     * Checks that a hook stage ran.
     *
     * @param stage {@code before}, {@code after}, {@code error} or {@code finally}
     */
    @Then("the {string} hook should have been executed")
    public void theHookShouldHaveBeenExecuted(String stage) {
        assertThat(state.hook().ran(RecordingHook.Stage.fromName(stage)))
                .as("the %s stage ran", stage)
                .isTrue();
    }

    /**
     * Checks the evaluation details that one or more stages received.
     *
     * @param stages comma-separated stage names, for example {@code "after, finally"}
     * @param table columns {@code data_type}, {@code key}, {@code value}; the value {@code null} means null
     */
    @Then("the {string} hooks should be called with evaluation details")
    public void theHooksShouldBeCalledWithEvaluationDetails(String stages, DataTable table) {
        for (String name : stages.split(",")) {
            RecordingHook.Stage stage = RecordingHook.Stage.fromName(name);
            FlagEvaluationDetails<?> details = state.hook().detailsSeenBy(stage);
            assertThat(details).as("details seen by the %s stage", stage).isNotNull();
            for (Map<String, String> row : table.asMaps()) {
                String field = row.get("key");
                assertThat(field(details, field))
                        .as("%s seen by the %s stage in %s", field, stage, details)
                        .isEqualTo(expected(row.get("data_type"), row.get("value")));
            }
        }
    }

    private static @Nullable Object field(FlagEvaluationDetails<?> details, String field) {
        switch (field) {
            case "flag_key":
                return details.getFlagKey();
            case "value":
                return details.getValue();
            case "variant":
                return details.getVariant();
            case "reason":
                return details.getReason();
            case "error_code":
                return details.getErrorCode() == null
                        ? null
                        : details.getErrorCode().name();
            case "error_message":
                return details.getErrorMessage();
            default:
                throw new IllegalArgumentException("unknown evaluation details field " + field);
        }
    }

    private static @Nullable Object expected(String type, String text) {
        if ("null".equals(text)) {
            return null;
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "string":
                return text;
            case "boolean":
                return ValueConversions.parseBoolean(text);
            case "integer":
                return Integer.valueOf(text);
            case "long":
                return Long.valueOf(text);
            case "float":
            case "double":
                return Double.valueOf(text);
            default:
                throw new IllegalArgumentException("unknown data_type " + type);
        }
    }
}
