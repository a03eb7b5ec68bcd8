package dev.vexilla.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable user: identifier, e-mail, country and typed custom attributes, some of which may be private.
 *
 * <p>Private attributes take part in evaluation like any other, but are never stored, sent in events or logged;
 * {@link #toString()} redacts their values.
 *
 * <pre>{@code
 * User user = User.builder()
 *         .identifier("user-42")
 *         .email("ada@example.com")
 *         .attribute("plan", "pro")
 *         .attribute("seats", 12)
 *         .privateAttribute("ssnHash", "9f2c...")
 *         .build();
 * }</pre>
 *
 * <p>Instances are thread-safe.
 *
 * @since 0.1.0
 */
public final class User implements UserAttributes {

    private static final User EMPTY = new Builder().build();

    private final @Nullable String identifier;
    private final @Nullable String email;
    private final @Nullable String country;
    private final Map<String, Object> custom;
    private final Set<String> privateNames;
    /** DevCycle's custom data: the entries of the context's customData / privateCustomData structures. */
    private final Map<String, Object> customData;

    private final Set<String> privateDataNames;
    /** The hash code once computed (users key caches); 0 until then. */
    private int hash;

    private User(Builder b) {
        this.identifier = b.identifier;
        this.email = b.email;
        this.country = b.country;
        // The builder hands its collections over (it copies them before any later change), so building copies nothing.
        this.custom = b.custom.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(b.custom);
        this.privateNames =
                b.privateNames.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(b.privateNames);
        this.customData = b.customData.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(b.customData);
        this.privateDataNames =
                b.privateDataNames.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(b.privateDataNames);
        b.handedOver = true;
    }

    /**
     * Returns a new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a user with only an identifier.
     *
     * @param identifier the identifier
     * @return the user
     */
    public static User of(String identifier) {
        return builder()
                .identifier(Objects.requireNonNull(identifier, "identifier"))
                .build();
    }

    /**
     * Returns the user with no attributes at all.
     *
     * @return the empty user
     */
    public static User empty() {
        return EMPTY;
    }

    @Override
    public @Nullable String identifier() {
        return identifier;
    }

    /**
     * Returns the e-mail address.
     *
     * @return the e-mail, or {@code null}
     */
    public @Nullable String email() {
        return email;
    }

    /**
     * Returns the country.
     *
     * @return the country, or {@code null}
     */
    public @Nullable String country() {
        return country;
    }

    /**
     * Returns the custom attributes, private ones included, in insertion order.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, Object> customAttributes() {
        return custom;
    }

    /**
     * Returns the names of the private custom attributes.
     *
     * @return an unmodifiable set, never null
     */
    public Set<String> privateAttributeNames() {
        return privateNames;
    }

    /**
     * Tells whether a custom attribute is private.
     *
     * @param name the attribute name
     * @return {@code true} when the attribute was added as private
     */
    public boolean isPrivate(String name) {
        return privateNames.contains(name);
    }

    @Override
    public @Nullable Object attribute(String name) {
        switch (name) {
            case IDENTIFIER:
                return identifier;
            case EMAIL:
                return email;
            case COUNTRY:
                return country;
            default:
                return custom.get(name);
        }
    }

    /**
     * Returns the entries given as DevCycle custom data (the context's {@code customData} and
     * {@code privateCustomData} structures, or a DevCycle user's), private ones included. Top-level custom attributes
     * are not in this map, though {@link #customData(String)} answers them (see {@link UserAttributes}).
     *
     * @return an unmodifiable map, never null
     * @since 0.2.0
     */
    public Map<String, Object> customDataEntries() {
        return customData;
    }

    /**
     * Tells whether a custom data entry is private (came from {@code privateCustomData}).
     *
     * @param name the entry name
     * @return {@code true} when the entry was added as private custom data
     * @since 0.2.0
     */
    public boolean isPrivateCustomData(String name) {
        return privateDataNames.contains(name);
    }

    @Override
    public @Nullable Object customData(String name) {
        Object value = customData.get(name);
        if (value != null) {
            return value;
        }
        Object top = custom.get(name);
        return top != null && DevCycleFields.isTopLevelCustomData(name, top) ? top : null;
    }

    @Override
    public void forEachAttribute(BiConsumer<String, Object> action) {
        if (identifier != null) {
            action.accept(IDENTIFIER, identifier);
        }
        if (email != null) {
            action.accept(EMAIL, email);
        }
        if (country != null) {
            action.accept(COUNTRY, country);
        }
        custom.forEach(action);
    }

    /**
     * Returns this user without its private custom attributes: what may be stored (EdgeDB), sent in events or logged.
     *
     * @return a user with the same identifier, e-mail, country and non-private custom attributes; this instance when
     *     it has no private attributes
     */
    public User withoutPrivateAttributes() {
        if (privateNames.isEmpty() && privateDataNames.isEmpty()) {
            return this;
        }
        Builder b = new Builder();
        b.identifier = identifier;
        b.email = email;
        b.country = country;
        for (Map.Entry<String, Object> e : custom.entrySet()) {
            if (!privateNames.contains(e.getKey())) {
                b.custom.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : customData.entrySet()) {
            if (!privateDataNames.contains(e.getKey())) {
                b.customData.put(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    /**
     * Returns a builder that starts with this user's attributes.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.identifier = identifier;
        b.email = email;
        b.country = country;
        b.custom.putAll(custom);
        b.privateNames.addAll(privateNames);
        b.customData.putAll(customData);
        b.privateDataNames.addAll(privateDataNames);
        return b;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof User)) {
            return false;
        }
        User that = (User) o;
        return Objects.equals(identifier, that.identifier)
                && Objects.equals(email, that.email)
                && Objects.equals(country, that.country)
                && custom.equals(that.custom)
                && privateNames.equals(that.privateNames)
                && customData.equals(that.customData)
                && privateDataNames.equals(that.privateDataNames);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(identifier, email, country, custom, privateNames, customData, privateDataNames);
            hash = h; // racy but idempotent, as String's own cache: every thread computes the same value
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("User{identifier=").append(identifier);
        if (email != null) {
            sb.append(", email=").append(email);
        }
        if (country != null) {
            sb.append(", country=").append(country);
        }
        if (!custom.isEmpty()) {
            sb.append(", custom={");
            String sep = "";
            for (Map.Entry<String, Object> e : custom.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=');
                sb.append(privateNames.contains(e.getKey()) ? "<private>" : e.getValue());
                sep = ", ";
            }
            sb.append('}');
        }
        if (!customData.isEmpty()) {
            sb.append(", customData={");
            String sep = "";
            for (Map.Entry<String, Object> e : customData.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=');
                sb.append(privateDataNames.contains(e.getKey()) ? "<private>" : e.getValue());
                sep = ", ";
            }
            sb.append('}');
        }
        return sb.append('}').toString();
    }

    /**
     * Builds {@link User}s. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private @Nullable String identifier;
        private @Nullable String email;
        private @Nullable String country;
        private Map<String, Object> custom = new LinkedHashMap<>();
        private Set<String> privateNames = new LinkedHashSet<>();
        private Map<String, Object> customData = new LinkedHashMap<>();
        private Set<String> privateDataNames = new LinkedHashSet<>();
        /** Set when a built user holds this builder's collections: the next change works on copies. */
        private boolean handedOver;

        private Builder() {}

        /**
         * Sets the identifier.
         *
         * @param identifier the identifier, or {@code null} for none
         * @return this builder
         */
        public Builder identifier(@Nullable String identifier) {
            this.identifier = identifier;
            return this;
        }

        /**
         * Sets the e-mail address.
         *
         * @param email the e-mail, or {@code null} for none
         * @return this builder
         */
        public Builder email(@Nullable String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets the country.
         *
         * @param country the country, or {@code null} for none
         * @return this builder
         */
        public Builder country(@Nullable String country) {
            this.country = country;
            return this;
        }

        /**
         * Adds (or replaces) a custom attribute.
         *
         * @param name the attribute name; not one of the well-known names
         * @param value a {@link String}, {@link Number}, {@link Boolean}, {@link Instant}, {@link Date} (stored as an
         *     {@code Instant}) or a list of strings; {@code null} removes the attribute
         * @return this builder
         * @throws IllegalArgumentException if the name is well-known or the value has an unsupported type
         */
        public Builder attribute(String name, @Nullable Object value) {
            return put(name, value, false);
        }

        /**
         * Adds (or replaces) a private custom attribute: used for evaluation, never stored, sent or logged.
         *
         * @param name the attribute name; not one of the well-known names
         * @param value as for {@link #attribute(String, Object)}
         * @return this builder
         * @throws IllegalArgumentException if the name is well-known or the value has an unsupported type
         */
        public Builder privateAttribute(String name, @Nullable Object value) {
            return put(name, value, true);
        }

        /**
         * Adds (or replaces) an entry of DevCycle custom data, as a context's {@code customData} structure or a
         * DevCycle user's {@code customData} gives it. DevCycle's {@code customData} filters and bucketing keys read
         * it through {@link User#customData(String)}; it does not by itself make a ConfigCat custom attribute (add
         * that with {@link #attribute(String, Object)} where wanted, as the context mapping does).
         *
         * @param name the entry name
         * @param value as for {@link #attribute(String, Object)}; {@code null} removes the entry
         * @return this builder
         * @throws IllegalArgumentException if the value has an unsupported type
         * @since 0.2.0
         */
        public Builder customData(String name, @Nullable Object value) {
            return putData(name, value, false);
        }

        /**
         * Adds (or replaces) an entry of DevCycle private custom data: used for evaluation, never stored, sent or
         * logged.
         *
         * @param name the entry name
         * @param value as for {@link #attribute(String, Object)}; {@code null} removes the entry
         * @return this builder
         * @throws IllegalArgumentException if the value has an unsupported type
         * @since 0.2.0
         */
        public Builder privateCustomData(String name, @Nullable Object value) {
            return putData(name, value, true);
        }

        private Builder putData(String name, @Nullable Object value, boolean isPrivate) {
            Objects.requireNonNull(name, "name");
            copyIfHandedOver();
            if (value == null) {
                customData.remove(name);
                privateDataNames.remove(name);
                return this;
            }
            customData.put(name, normalize(name, value));
            if (isPrivate) {
                privateDataNames.add(name);
            } else {
                privateDataNames.remove(name);
            }
            return this;
        }

        private void copyIfHandedOver() {
            if (handedOver) {
                custom = new LinkedHashMap<>(custom);
                privateNames = new LinkedHashSet<>(privateNames);
                customData = new LinkedHashMap<>(customData);
                privateDataNames = new LinkedHashSet<>(privateDataNames);
                handedOver = false;
            }
        }

        private Builder put(String name, @Nullable Object value, boolean isPrivate) {
            Objects.requireNonNull(name, "name");
            if (IDENTIFIER.equals(name) || EMAIL.equals(name) || COUNTRY.equals(name)) {
                throw new IllegalArgumentException(
                        "attribute '" + name + "' is well-known: set it with identifier(), email() or country()");
            }
            copyIfHandedOver();
            if (value == null) {
                custom.remove(name);
                privateNames.remove(name);
                return this;
            }
            custom.put(name, normalize(name, value));
            if (isPrivate) {
                privateNames.add(name);
            } else {
                privateNames.remove(name);
            }
            return this;
        }

        private static Object normalize(String name, Object value) {
            if (value instanceof String
                    || value instanceof Number
                    || value instanceof Boolean
                    || value instanceof Instant) {
                return value;
            }
            if (value instanceof Date) {
                return ((Date) value).toInstant();
            }
            if (value instanceof List) {
                List<?> list = (List<?>) value;
                List<String> copy = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (!(item instanceof String)) {
                        throw new IllegalArgumentException("attribute '" + name + "': list item " + i
                                + " must be a string, was "
                                + (item == null ? "null" : item.getClass().getSimpleName()));
                    }
                    copy.add((String) item);
                }
                return Collections.unmodifiableList(copy);
            }
            throw new IllegalArgumentException("attribute '" + name + "': unsupported value type "
                    + value.getClass().getName() + " (use String, Number, Boolean, Instant or List<String>)");
        }

        /** Whether a custom attribute of this name is set (for the context mapping's precedence rules). */
        boolean hasAttribute(String name) {
            return custom.containsKey(name);
        }

        /**
         * Builds the user.
         *
         * @return a new immutable user
         */
        public User build() {
            return new User(this);
        }
    }
}
