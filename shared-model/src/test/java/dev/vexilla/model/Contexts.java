package dev.vexilla.model;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds OpenFeature contexts for tests. */
final class Contexts {

    private Contexts() {}

    static ImmutableContext ctx(@Nullable String targetingKey, Object... keyValues) {
        return new ImmutableContext(targetingKey, values(keyValues));
    }

    static Value struct(Object... keyValues) {
        return new Value(new ImmutableStructure(values(keyValues)));
    }

    static Map<String, Value> values(Object... keyValues) {
        Map<String, Value> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            map.put((String) keyValues[i], v instanceof Value ? (Value) v : Value.objectToValue(v));
        }
        return map;
    }
}
