package dev.vexilla.contract.devcycle;

import com.devcycle.sdk.server.common.model.Variable;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One (user, variable) cell of a comparison between a DevCycle client and {@code LocalProvider}: the value each
 * served and whether each served the caller's default. Values are compared after {@link #plain(Object)} (every number
 * as a {@code Double}, JSON as plain maps and lists), since DevCycle serves Number variables as doubles and JSON through
 * Jackson, and OpenFeature serves structures.
 *
 * @param userId the user
 * @param key the variable
 * @param theirs DevCycle's value
 * @param theirsDefaulted DevCycle's {@code isDefaulted}
 * @param ours {@code LocalProvider}'s value
 * @param oursDefaulted whether {@code LocalProvider} served the default (reason {@code DEFAULT} or an error code)
 */
record Cells(
        String userId,
        String key,
        @Nullable Object theirs,
        boolean theirsDefaulted,
        @Nullable Object ours,
        boolean oursDefaulted) {

    static final String STRING_DEFAULT = "vexilla-default";
    static final double NUMBER_DEFAULT = -1.5;

    /** @return true when value and defaulted flag agree */
    boolean agree() {
        return theirsDefaulted == oursDefaulted && Objects.equals(plain(theirs), plain(ours));
    }

    /** The default a DevCycle client is called with for a variable type (the class decides DevCycle's type). */
    static Object devCycleDefault(String type) {
        return switch (type) {
            case "Boolean" -> Boolean.FALSE;
            case "String" -> STRING_DEFAULT;
            case "Number" -> NUMBER_DEFAULT;
            default -> new HashMap<>(Map.of("vexillaDefault", true));
        };
    }

    /** Evaluates a variable with {@code LocalProvider} (or any provider) with the same default. */
    static ProviderEvaluation<?> evaluate(FeatureProvider provider, String key, String type, EvaluationContext ctx) {
        return switch (type) {
            case "Boolean" -> provider.getBooleanEvaluation(key, false, ctx);
            case "String" -> provider.getStringEvaluation(key, STRING_DEFAULT, ctx);
            case "Number" -> provider.getDoubleEvaluation(key, NUMBER_DEFAULT, ctx);
            default ->
                provider.getObjectEvaluation(key, new Value(new MutableStructure().add("vexillaDefault", true)), ctx);
        };
    }

    static Cells of(String userId, String key, Variable<?> theirs, ProviderEvaluation<?> ours) {
        return new Cells(
                userId,
                key,
                theirs.getValue(),
                Boolean.TRUE.equals(theirs.getIsDefaulted()),
                ours.getValue(),
                ours.getErrorCode() != null || Reason.DEFAULT.name().equals(ours.getReason()));
    }

    /**
     * Turns a served value into a comparable plain value.
     *
     * @param value a Boolean, String, Number, Map, List or OpenFeature {@link Value}
     * @return the same value with numbers as {@code Double} and structures as maps and lists
     */
    static @Nullable Object plain(@Nullable Object value) {
        if (value instanceof Value v) {
            return plain(v.asObject());
        }
        if (value instanceof dev.openfeature.sdk.Structure s) {
            return plain(s.asObjectMap());
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Cells::plain).collect(Collectors.toList());
        }
        return value;
    }
}
