package dev.vexilla.model.internal;

import dev.vexilla.model.DevCycleFields;
import dev.vexilla.model.User;
import dev.vexilla.model.bucketing.DevCycleUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts between {@link DevCycleUser} and {@link User}; the rules are documented on {@link DevCycleUser}.
 *
 * <p>Not API, may change without notice. Thread-safe.
 */
public final class DevCycleUserMapping {

    private static final String CREATED_DATE = "createdDate";
    private static final String LAST_SEEN_DATE = "lastSeenDate";

    private DevCycleUserMapping() {}

    /**
     * Builds the wire form of a user, private attributes included.
     *
     * @param user the user
     * @return the DevCycle user
     */
    public static DevCycleUser fromUser(User user) {
        Objects.requireNonNull(user, "user");
        DevCycleUser.Builder b = DevCycleUser.builder()
                .userId(user.identifier())
                .email(user.email())
                .country(user.country());
        Map<String, Object> custom = new LinkedHashMap<>();
        Map<String, Object> privateCustom = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : user.customDataEntries().entrySet()) {
            String name = e.getKey();
            boolean isPrivate = user.isPrivateCustomData(name);
            (isPrivate ? privateCustom : custom).put(name, PlainValues.toWire(e.getValue()));
        }
        for (Map.Entry<String, Object> e : user.customAttributes().entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            boolean isPrivate = user.isPrivate(name);
            if (!isPrivate && DevCycleUser.STRING_FIELDS.contains(name) && value instanceof String) {
                b.stringField(name, (String) value);
            } else if (!isPrivate && CREATED_DATE.equals(name) && value instanceof Instant) {
                b.createdDate((Instant) value);
            } else if (!isPrivate && LAST_SEEN_DATE.equals(name) && value instanceof Instant) {
                b.lastSeenDate((Instant) value);
            } else if ((isPrivate || DevCycleFields.isTopLevelCustomData(name, value))
                    && !custom.containsKey(name)
                    && !privateCustom.containsKey(name)) {
                // A top-level attribute: DevCycle keeps the ones that are not its user fields as custom data. The
                // lowercase aliases (user_id, email, country) travel as the user's own fields.
                (isPrivate ? privateCustom : custom).put(name, PlainValues.toWire(value));
            }
        }
        return b.customData(custom).privateCustomData(privateCustom).build();
    }

    /**
     * Converts the wire form into a user.
     *
     * @param wire the DevCycle user
     * @return the user, with {@code privateCustomData} entries as private attributes; an empty {@code user_id} gives
     *     no identifier, as an empty targeting key does in {@code ContextMapper}
     */
    public static User toUser(DevCycleUser wire) {
        String id = wire.userId();
        User.Builder b = User.builder()
                .identifier(id == null || id.isEmpty() ? null : id)
                .email(wire.email())
                .country(wire.country());
        Set<String> seen = new LinkedHashSet<>();
        for (String field : DevCycleUser.STRING_FIELDS) {
            String value = wire.stringField(field);
            if (value != null) {
                b.attribute(field, value);
                seen.add(field);
            }
        }
        if (wire.createdDate() != null) {
            b.attribute(CREATED_DATE, wire.createdDate());
            seen.add(CREATED_DATE);
        }
        if (wire.lastSeenDate() != null) {
            b.attribute(LAST_SEEN_DATE, wire.lastSeenDate());
            seen.add(LAST_SEEN_DATE);
        }
        addCustomData(b, wire.customData(), false);
        addCustomData(b, wire.privateCustomData(), true);
        addCustom(b, wire.customData(), false, seen);
        addCustom(b, wire.privateCustomData(), true, seen);
        return b.build();
    }

    /** DevCycle's view: every entry, a private one replacing a public one of the same name. */
    private static void addCustomData(User.Builder b, Map<String, Object> data, boolean isPrivate) {
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object value = PlainValues.toAttribute(e.getValue());
            if (value == null) {
                continue;
            }
            if (isPrivate) {
                b.privateCustomData(e.getKey(), value);
            } else {
                b.customData(e.getKey(), value);
            }
        }
    }

    private static void addCustom(User.Builder b, Map<String, Object> data, boolean isPrivate, Set<String> seen) {
        for (Map.Entry<String, Object> e : data.entrySet()) {
            String name = e.getKey();
            if (seen.contains(name) || isWellKnown(name)) {
                continue;
            }
            Object value = PlainValues.toAttribute(e.getValue());
            if (value == null) {
                continue;
            }
            seen.add(name);
            if (isPrivate) {
                b.privateAttribute(name, value);
            } else {
                b.attribute(name, value);
            }
        }
    }

    private static boolean isWellKnown(String name) {
        return User.IDENTIFIER.equals(name) || User.EMAIL.equals(name) || User.COUNTRY.equals(name);
    }
}
