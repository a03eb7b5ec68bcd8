package dev.vexilla.model.bucketing;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.vexilla.model.User;
import dev.vexilla.model.internal.DevCycleUserMapping;
import dev.vexilla.model.internal.WireInstantDeserializer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The DevCycle user JSON: the body of the Bucketing API v1 calls and the {@code user} of track and event requests.
 *
 * <table>
 *   <caption>Mapping to {@link User}</caption>
 *   <tr><th>JSON field</th><th>user attribute</th></tr>
 *   <tr><td>{@code user_id}</td><td>identifier</td></tr>
 *   <tr><td>{@code email}, {@code country}</td><td>e-mail, country</td></tr>
 *   <tr><td>{@code name}, {@code language}, {@code appVersion}, {@code appBuild}, {@code platform},
 *       {@code platformVersion}, {@code deviceModel}, {@code sdkType}, {@code sdkVersion}, {@code sdkPlatform},
 *       {@code hostname}</td><td>custom string attributes of the same name</td></tr>
 *   <tr><td>{@code createdDate}, {@code lastSeenDate}</td><td>custom {@code Instant} attributes of the same name;
 *       written as epoch milliseconds, read from epoch milliseconds (number or numeric text) or ISO-8601 text</td></tr>
 *   <tr><td>{@code customData}</td><td>custom attributes</td></tr>
 *   <tr><td>{@code privateCustomData}</td><td>private custom attributes</td></tr>
 *   <tr><td>{@code isAnonymous}</td><td>none: it says the user has no {@code user_id} on purpose (see below)</td></tr>
 * </table>
 *
 * <p><b>Anonymous users.</b> DevCycle's {@code isAnonymous} (boolean, absent means {@code false}, written only when
 * {@code true}) lets a request leave out {@code user_id}: an {@linkplain #isAnonymousWithoutId() anonymous user
 * without id} is evaluated without an identifier, the way {@code LocalProvider} evaluates an OpenFeature context
 * without targeting key. An empty {@code user_id} reads as no identifier ({@link #toUser()}).
 *
 * <p>Custom data values: strings, booleans and numbers are kept; arrays of strings become string lists; other arrays
 * and objects become JSON text. When a name appears twice, the standard field wins over {@code customData}, which
 * wins over {@code privateCustomData}. In the other direction a non-private custom attribute whose name is a standard
 * field goes to that field when its type fits, everything else into {@code customData} or {@code privateCustomData};
 * {@code Instant}s in custom data are written as unix seconds (as ConfigCat's comparators read date-times), so they
 * come back as numbers.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@JsonDeserialize(builder = DevCycleUser.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "user_id",
    "isAnonymous",
    "email",
    "name",
    "language",
    "country",
    "appVersion",
    "appBuild",
    "customData",
    "privateCustomData",
    "createdDate",
    "lastSeenDate",
    "platform",
    "platformVersion",
    "deviceModel",
    "sdkType",
    "sdkVersion",
    "sdkPlatform",
    "hostname"
})
public final class DevCycleUser {

    /** The standard fields that map to custom string attributes of the same name. */
    public static final Set<String> STRING_FIELDS = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "name",
            "language",
            "appVersion",
            "appBuild",
            "platform",
            "platformVersion",
            "deviceModel",
            "sdkType",
            "sdkVersion",
            "sdkPlatform",
            "hostname")));

    /** The standard fields that map to custom {@code Instant} attributes of the same name. */
    public static final Set<String> DATE_FIELDS =
            Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList("createdDate", "lastSeenDate")));

    private final @Nullable String userId;
    private final boolean anonymous;
    private final @Nullable String email;
    private final @Nullable String country;
    private final Map<String, String> strings;
    private final @Nullable Instant createdDate;
    private final @Nullable Instant lastSeenDate;
    private final Map<String, Object> customData;
    private final Map<String, Object> privateCustomData;

    private DevCycleUser(Builder b) {
        this.userId = b.userId;
        this.anonymous = b.anonymous;
        this.email = b.email;
        this.country = b.country;
        this.strings = Collections.unmodifiableMap(new LinkedHashMap<>(b.strings));
        this.createdDate = b.createdDate;
        this.lastSeenDate = b.lastSeenDate;
        this.customData = Collections.unmodifiableMap(new LinkedHashMap<>(b.customData));
        this.privateCustomData = Collections.unmodifiableMap(new LinkedHashMap<>(b.privateCustomData));
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
     * Builds the wire form of a user, private attributes included (for a bucketing request).
     *
     * @param user the user
     * @return the DevCycle user
     */
    public static DevCycleUser fromUser(User user) {
        return DevCycleUserMapping.fromUser(user);
    }

    /**
     * Converts this wire form into a user.
     *
     * @return the user, with {@code privateCustomData} entries as private attributes
     */
    public User toUser() {
        return DevCycleUserMapping.toUser(this);
    }

    /**
     * Returns this user without {@code privateCustomData}: what the server may store (EdgeDB) or send in events.
     *
     * @return a copy without private custom data; this instance when it has none
     */
    public DevCycleUser withoutPrivateCustomData() {
        if (privateCustomData.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        b.privateCustomData.clear();
        return b.build();
    }

    /**
     * Returns a builder that starts with this user's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = builder().userId(userId).isAnonymous(anonymous).email(email).country(country);
        b.strings.putAll(strings);
        b.createdDate = createdDate;
        b.lastSeenDate = lastSeenDate;
        b.customData.putAll(customData);
        b.privateCustomData.putAll(privateCustomData);
        return b;
    }

    /**
     * Returns the user id.
     *
     * @return the id, or {@code null}
     */
    @JsonProperty("user_id")
    public @Nullable String userId() {
        return userId;
    }

    /**
     * Tells whether the user is marked anonymous (DevCycle's {@code isAnonymous}).
     *
     * @return the flag; {@code false} when the JSON leaves it out
     */
    @JsonProperty("isAnonymous")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean isAnonymous() {
        return anonymous;
    }

    /**
     * Tells whether this user is anonymous and has no {@code user_id} (absent or empty): the user a bucketing server
     * evaluates without an identifier and cannot store in EdgeDB.
     *
     * @return {@code true} for an anonymous user without id
     */
    @JsonIgnore
    public boolean isAnonymousWithoutId() {
        return anonymous && (userId == null || userId.isEmpty());
    }

    /**
     * Returns the e-mail.
     *
     * @return the e-mail, or {@code null}
     */
    @JsonProperty("email")
    public @Nullable String email() {
        return email;
    }

    /**
     * Returns the country.
     *
     * @return the country, or {@code null}
     */
    @JsonProperty("country")
    public @Nullable String country() {
        return country;
    }

    /**
     * Returns one of the standard string fields ({@link #STRING_FIELDS}).
     *
     * @param field the JSON field name, for example {@code "appVersion"}
     * @return the value, or {@code null}
     */
    public @Nullable String stringField(String field) {
        return strings.get(field);
    }

    @JsonAnyGetter
    Map<String, String> standardStringFields() {
        return strings;
    }

    /**
     * Returns when the user was created.
     *
     * @return the date-time, or {@code null}
     */
    @JsonIgnore
    public @Nullable Instant createdDate() {
        return createdDate;
    }

    /**
     * Returns when the user was last seen.
     *
     * @return the date-time, or {@code null}
     */
    @JsonIgnore
    public @Nullable Instant lastSeenDate() {
        return lastSeenDate;
    }

    @JsonProperty("createdDate")
    @Nullable
    Long createdDateMillis() {
        return createdDate == null ? null : createdDate.toEpochMilli();
    }

    @JsonProperty("lastSeenDate")
    @Nullable
    Long lastSeenDateMillis() {
        return lastSeenDate == null ? null : lastSeenDate.toEpochMilli();
    }

    /**
     * Returns the custom data, as JSON-ready values.
     *
     * @return an unmodifiable map, never null
     */
    @JsonProperty("customData")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Object> customData() {
        return customData;
    }

    /**
     * Returns the private custom data, as JSON-ready values.
     *
     * @return an unmodifiable map, never null
     */
    @JsonProperty("privateCustomData")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Object> privateCustomData() {
        return privateCustomData;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DevCycleUser)) {
            return false;
        }
        DevCycleUser that = (DevCycleUser) o;
        return Objects.equals(userId, that.userId)
                && anonymous == that.anonymous
                && Objects.equals(email, that.email)
                && Objects.equals(country, that.country)
                && strings.equals(that.strings)
                && Objects.equals(createdDate, that.createdDate)
                && Objects.equals(lastSeenDate, that.lastSeenDate)
                && customData.equals(that.customData)
                && privateCustomData.equals(that.privateCustomData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                userId, anonymous, email, country, strings, createdDate, lastSeenDate, customData, privateCustomData);
    }

    /**
     * Describes the user; private custom data values are redacted.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "DevCycleUser{user_id=" + userId + (anonymous ? ", isAnonymous=true" : "") + ", email=" + email
                + ", country=" + country + ", fields=" + strings
                + (createdDate != null ? ", createdDate=" + createdDate : "")
                + (lastSeenDate != null ? ", lastSeenDate=" + lastSeenDate : "")
                + ", customData=" + customData + ", privateCustomData=" + privateCustomData.keySet() + "}";
    }

    /**
     * Builds {@link DevCycleUser}s; also used by Jackson to read them. Not thread-safe.
     *
     * @since 0.1.0
     */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private @Nullable String userId;
        private boolean anonymous;
        private @Nullable String email;
        private @Nullable String country;
        private final Map<String, String> strings = new LinkedHashMap<>();
        private @Nullable Instant createdDate;
        private @Nullable Instant lastSeenDate;
        private final Map<String, Object> customData = new LinkedHashMap<>();
        private final Map<String, Object> privateCustomData = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the user id.
         *
         * @param userId the id, or {@code null}
         * @return this builder
         */
        @JsonProperty("user_id")
        public Builder userId(@Nullable String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Marks the user anonymous (DevCycle's {@code isAnonymous}); with no {@code user_id} it is evaluated without
         * an identifier.
         *
         * @param anonymous whether the user is anonymous; {@code false} by default
         * @return this builder
         */
        @JsonProperty("isAnonymous")
        public Builder isAnonymous(boolean anonymous) {
            this.anonymous = anonymous;
            return this;
        }

        /**
         * Sets the e-mail.
         *
         * @param email the e-mail, or {@code null}
         * @return this builder
         */
        @JsonProperty("email")
        public Builder email(@Nullable String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets the country.
         *
         * @param country the country, or {@code null}
         * @return this builder
         */
        @JsonProperty("country")
        public Builder country(@Nullable String country) {
            this.country = country;
            return this;
        }

        /**
         * Sets one of the standard string fields.
         *
         * @param field a name from {@link #STRING_FIELDS}
         * @param value the value, or {@code null} to clear it
         * @return this builder
         * @throws IllegalArgumentException if {@code field} is not a standard string field
         */
        public Builder stringField(String field, @Nullable String value) {
            if (!STRING_FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        "'" + field + "' is not a standard string field; use one of " + STRING_FIELDS);
            }
            if (value == null) {
                strings.remove(field);
            } else {
                strings.put(field, value);
            }
            return this;
        }

        @JsonAnySetter
        void otherField(String name, @Nullable Object value) {
            if (!STRING_FIELDS.contains(name) || value == null) {
                return; // unknown fields are ignored for forward compatibility
            }
            if (!(value instanceof String)) {
                throw new IllegalArgumentException("expected a string");
            }
            strings.put(name, (String) value);
        }

        /**
         * Sets when the user was created.
         *
         * @param createdDate the date-time, or {@code null}
         * @return this builder
         */
        @JsonIgnore
        public Builder createdDate(@Nullable Instant createdDate) {
            this.createdDate = createdDate;
            return this;
        }

        /**
         * Sets when the user was last seen.
         *
         * @param lastSeenDate the date-time, or {@code null}
         * @return this builder
         */
        @JsonIgnore
        public Builder lastSeenDate(@Nullable Instant lastSeenDate) {
            this.lastSeenDate = lastSeenDate;
            return this;
        }

        @JsonProperty("createdDate")
        @JsonDeserialize(using = WireInstantDeserializer.class)
        Builder createdDateFromWire(@Nullable Instant value) {
            this.createdDate = value;
            return this;
        }

        @JsonProperty("lastSeenDate")
        @JsonDeserialize(using = WireInstantDeserializer.class)
        Builder lastSeenDateFromWire(@Nullable Instant value) {
            this.lastSeenDate = value;
            return this;
        }

        /**
         * Sets the custom data, replacing any set before.
         *
         * @param data JSON-ready values (string, number, boolean, lists, maps); {@code null} for none
         * @return this builder
         */
        @JsonProperty("customData")
        public Builder customData(@Nullable Map<String, ?> data) {
            customData.clear();
            putNonNull(customData, data);
            return this;
        }

        /**
         * Sets the private custom data, replacing any set before.
         *
         * @param data JSON-ready values (string, number, boolean, lists, maps); {@code null} for none
         * @return this builder
         */
        @JsonProperty("privateCustomData")
        public Builder privateCustomData(@Nullable Map<String, ?> data) {
            privateCustomData.clear();
            putNonNull(privateCustomData, data);
            return this;
        }

        private static void putNonNull(Map<String, Object> target, @Nullable Map<String, ?> data) {
            if (data != null) {
                data.forEach((k, v) -> {
                    if (v != null) {
                        target.put(k, v);
                    }
                });
            }
        }

        /**
         * Builds the user.
         *
         * @return a new immutable DevCycle user
         */
        public DevCycleUser build() {
            return new DevCycleUser(this);
        }
    }
}
