package dev.vexilla.contract.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Value;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Steps that name a flag, build the invocation context, evaluate, and check the evaluation details. */
public final class EvaluationSteps {

    private final ScenarioState state;

    /**
     * Creates the steps of one scenario.
     *
     * @param state the scenario's shared state
     */
    public EvaluationSteps(ScenarioState state) {
        this.state = state;
    }

    /**
     * Reads the {@code {flagType}} parameter: {@code Boolean}, {@code string}, ...
     *
     * @param name the name in the step
     * @return the type
     */
    @ParameterType(FlagType.PATTERN)
    public FlagType flagType(String name) {
        return FlagType.fromName(name);
    }

    /**
     * Names the flag to evaluate, its type and the code default.
     *
     * @param type the flag type
     * @param key the flag key
     * @param fallback the code default as text
     */
    @Given("a {flagType}-flag with key {string} and a fallback value {string}")
    public void aFlag(FlagType type, String key, String fallback) {
        state.flagType = type;
        state.flagKey = key;
        state.fallback = type.parse(fallback);
    }

    /**
     * Adds a typed entry to the invocation context.
     *
     * @param key the attribute name
     * @param type {@code String}, {@code Integer}, {@code Long}, {@code Float}, {@code Double} or {@code Boolean}
     * @param value the value as text
     */
    @Given("a context containing a key {string}, with type {string} and with value {string}")
    public void aContextEntry(String key, String type, String value) {
        state.invocationContext.put(key, typedValue(type, value));
    }

    /**
     * Adds an entry holding null to the invocation context.
     *
     * @param key the attribute name
     */
    @Given("a context containing a key {string} with null value")
    public void aNullContextEntry(String key) {
        state.invocationContext.put(key, new Value());
    }

    /** Evaluates the named flag with details through the scenario's client. */
    @When("the flag was evaluated with details")
    public void theFlagWasEvaluatedWithDetails() {
        FlagType type = requireSet(state.flagType, "flag type");
        state.details = type.evaluate(
                state.client(),
                requireSet(state.flagKey, "flag key"),
                requireSet(state.fallback, "fallback"),
                new ImmutableContext(new HashMap<>(state.invocationContext)));
    }

    /**
     * Checks the resolved value; objects are compared as JSON, numbers by value.
     *
     * @param expected the value as text
     */
    @Then("the resolved details value should be {string}")
    public void theResolvedValueShouldBe(String expected) {
        FlagType type = requireSet(state.flagType, "flag type");
        Object value = state.details().getValue();
        Object wanted = type.parse(expected);
        if (type == FlagType.OBJECT) {
            assertThat(ValueConversions.sameJson((Value) wanted, (Value) value))
                    .as("%s is the JSON value %s (%s)", value, expected, state.details())
                    .isTrue();
        } else {
            assertThat(value).as("value of %s", state.details()).isEqualTo(wanted);
        }
    }

    /**
     * Checks the reason.
     *
     * @param expected the reason
     */
    @Then("the reason should be {string}")
    public void theReasonShouldBe(String expected) {
        assertThat(state.details().getReason())
                .as("reason of %s", state.details())
                .isEqualTo(expected);
    }

    /**
     * Checks the error code.
     *
     * @param expected an {@code ErrorCode} name
     */
    @Then("the error-code should be {string}")
    public void theErrorCodeShouldBe(String expected) {
        assertThat(String.valueOf(state.details().getErrorCode()))
                .as("error code of %s", state.details())
                .isEqualTo(expected);
    }

    /**
     * Checks the flag key of the details.
     *
     * @param expected the key
     */
    @Then("the flag key should be {string}")
    public void theFlagKeyShouldBe(String expected) {
        assertThat(state.details().getFlagKey()).isEqualTo(expected);
    }

    /**
     * Checks the variant.
     *
     * @param expected the variant
     */
    @Then("the variant should be {string}")
    public void theVariantShouldBe(String expected) {
        assertThat(state.details().getVariant())
                .as("variant of %s", state.details())
                .isEqualTo(expected);
    }

    /**
     * Checks typed flag metadata entries: each row names a key, a type ({@code String}, {@code Integer},
     * {@code Float}, {@code Boolean}) and the value as text.
     *
     * @param table columns {@code key}, {@code metadata_type}, {@code value}
     */
    @Then("the resolved metadata should contain")
    public void theResolvedMetadataShouldContain(DataTable table) {
        Map<String, Object> metadata = metadata(state.details()).asUnmodifiableMap();
        for (Map<String, String> row : table.asMaps()) {
            String key = row.get("key");
            Object actual = metadata.get(key);
            assertThat(actual).as("metadata entry %s in %s", key, metadata).isNotNull();
            String value = row.get("value");
            switch (row.get("metadata_type").toLowerCase(Locale.ROOT)) {
                case "string":
                    assertThat(actual).isInstanceOf(String.class).isEqualTo(value);
                    break;
                case "integer":
                    assertThat(actual).isInstanceOf(Integer.class).isEqualTo(Integer.valueOf(value));
                    break;
                case "float":
                    assertThat(actual).isInstanceOfAny(Float.class, Double.class);
                    assertThat(((Number) actual).doubleValue()).isEqualTo(Double.parseDouble(value));
                    break;
                case "boolean":
                    assertThat(actual).isInstanceOf(Boolean.class).isEqualTo(ValueConversions.parseBoolean(value));
                    break;
                default:
                    throw new IllegalArgumentException("unknown metadata_type " + row.get("metadata_type"));
            }
        }
    }

    /** Checks that the details carry no flag metadata. */
    @Then("the resolved metadata is empty")
    public void theResolvedMetadataIsEmpty() {
        assertThat(metadata(state.details()).asUnmodifiableMap()).isEmpty();
    }

    private static ImmutableMetadata metadata(FlagEvaluationDetails<?> details) {
        ImmutableMetadata metadata = details.getFlagMetadata();
        assertThat(metadata).as("flag metadata of %s", details).isNotNull();
        return metadata;
    }

    private static Value typedValue(String type, String text) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "string":
                return new Value(text);
            case "integer":
                return new Value(Integer.valueOf(text.trim()));
            case "long":
                return new Value(Long.valueOf(text.trim()));
            case "float":
            case "double":
                return new Value(Double.valueOf(text.trim()));
            case "boolean":
                return new Value(ValueConversions.parseBoolean(text));
            default:
                throw new IllegalArgumentException("unknown context value type " + type);
        }
    }

    static <T> T requireSet(@Nullable T value, String what) {
        if (value == null) {
            throw new IllegalStateException("no " + what + " was given by a Given step");
        }
        return value;
    }
}
