package dev.vexilla.contract.steps;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Value;
import java.util.Locale;

/**
 * The flag types the feature files name ({@code Boolean-flag}, {@code string-flag}, ...): how to read a value of the
 * type from its text in a step, and which typed client method evaluates it.
 */
enum FlagType {
    BOOLEAN {
        @Override
        Object parse(String text) {
            return ValueConversions.parseBoolean(text);
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object fallback, EvaluationContext ctx) {
            return client.getBooleanDetails(key, (Boolean) fallback, ctx);
        }
    },
    STRING {
        @Override
        Object parse(String text) {
            return text;
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object fallback, EvaluationContext ctx) {
            return client.getStringDetails(key, (String) fallback, ctx);
        }
    },
    INTEGER {
        @Override
        Object parse(String text) {
            return Integer.valueOf(text.trim());
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object fallback, EvaluationContext ctx) {
            return client.getIntegerDetails(key, (Integer) fallback, ctx);
        }
    },
    FLOAT {
        @Override
        Object parse(String text) {
            return Double.valueOf(text.trim());
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object fallback, EvaluationContext ctx) {
            return client.getDoubleDetails(key, (Double) fallback, ctx);
        }
    },
    OBJECT {
        @Override
        Object parse(String text) {
            return ValueConversions.parseJson(text);
        }

        @Override
        FlagEvaluationDetails<?> evaluate(Client client, String key, Object fallback, EvaluationContext ctx) {
            return client.getObjectDetails(key, (Value) fallback, ctx);
        }
    };

    /** The regular expression of the Cucumber parameter type {@code {flagType}}. */
    static final String PATTERN = "[Bb]oolean|[Ss]tring|[Ii]nteger|[Ff]loat|[Oo]bject";

    /**
     * Finds a type by the name a feature file uses, in any case.
     *
     * @param name for example {@code "Boolean"} or {@code "string"}
     * @return the type
     */
    static FlagType fromName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Reads a value of this type from the text of a step.
     *
     * @param text the text, for example {@code "0.5"} or {@code "{\"a\": 1}"}
     * @return the value as the typed client method takes and returns it ({@link Value} for objects)
     * @throws IllegalArgumentException if the text is no value of this type
     */
    abstract Object parse(String text);

    /**
     * Evaluates a flag of this type with details.
     *
     * @param client the client
     * @param key the flag key
     * @param fallback the code default, of this type (see {@link #parse})
     * @param ctx the invocation context
     * @return the details the client returned
     */
    abstract FlagEvaluationDetails<?> evaluate(Client client, String key, Object fallback, EvaluationContext ctx);
}
