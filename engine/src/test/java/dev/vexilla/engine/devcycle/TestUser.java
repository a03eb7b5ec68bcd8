package dev.vexilla.engine.devcycle;

import dev.vexilla.model.DevCycleFields;
import dev.vexilla.model.UserAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A DevCycle-shaped user for tests: the user fields plus custom and private custom data, combined as DevCycle combines
 * them (a private entry overrides a public one). Built from the JSON shape DevCycle's own tests use.
 */
final class TestUser implements UserAttributes {

    private final @Nullable String userId;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> customData = new LinkedHashMap<>();

    private TestUser(@Nullable String userId) {
        this.userId = userId;
    }

    static TestUser of(@Nullable String userId) {
        return new TestUser(userId);
    }

    /** Builds a user from DevCycle's user JSON shape, as a plain map (user_id, email, customData, ...). */
    static TestUser fromMap(Map<String, ?> json) {
        Object id = json.get("user_id");
        TestUser u = new TestUser(id instanceof String ? (String) id : null);
        for (Map.Entry<String, ?> e : json.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "email":
                    u.field(EMAIL, v);
                    break;
                case "country":
                    u.field(COUNTRY, v);
                    break;
                case "appVersion":
                case "deviceModel":
                case "name":
                case "language":
                case "appBuild":
                    u.field(e.getKey(), v);
                    break;
                default:
                    break;
            }
        }
        putAll(u.customData, json.get("customData"));
        putAll(u.customData, json.get("privateCustomData"));
        return u;
    }

    private static void putAll(Map<String, Object> target, @Nullable Object data) {
        if (data instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) data).entrySet()) {
                if (e.getValue() != null) {
                    target.put(String.valueOf(e.getKey()), e.getValue());
                } else {
                    target.remove(String.valueOf(e.getKey()));
                }
            }
        }
    }

    TestUser email(String email) {
        return field(EMAIL, email);
    }

    TestUser country(String country) {
        return field(COUNTRY, country);
    }

    TestUser appVersion(String version) {
        return field(DevCycleFields.APP_VERSION, version);
    }

    TestUser custom(String key, Object value) {
        customData.put(key, value);
        return this;
    }

    TestUser field(String name, @Nullable Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    @Override
    public @Nullable String identifier() {
        return userId;
    }

    @Override
    public @Nullable Object attribute(String name) {
        if (IDENTIFIER.equals(name)) {
            return userId;
        }
        Object field = fields.get(name);
        return field != null ? field : customData.get(name);
    }

    @Override
    public void forEachAttribute(BiConsumer<String, Object> action) {
        if (userId != null) {
            action.accept(IDENTIFIER, userId);
        }
        fields.forEach(action);
        customData.forEach(action);
    }

    @Override
    public @Nullable Object customData(String name) {
        return customData.get(name);
    }
}
