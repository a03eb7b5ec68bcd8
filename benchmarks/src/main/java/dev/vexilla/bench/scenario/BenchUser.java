package dev.vexilla.bench.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user of the scenarios, independent of any SDK: each implementation converts it once, in its setup, into its own
 * user or context type.
 *
 * <p>Attribute names follow ConfigCat ({@code Identifier}, {@code Email}, {@code Country}, then custom names); the
 * flagd scenarios read the same names with {@code var}, and the identifier travels as the OpenFeature targeting key.
 *
 * @param identifier the identifier (OpenFeature targeting key)
 * @param email the e-mail address
 * @param country the country
 * @param custom the custom attributes in a fixed order; values are {@link String} or {@link Integer}
 */
public record BenchUser(String identifier, String email, String country, Map<String, Object> custom) {

    /** The name of the identifier attribute. */
    public static final String IDENTIFIER = "Identifier";

    /** The name of the e-mail attribute. */
    public static final String EMAIL = "Email";

    /** The name of the country attribute. */
    public static final String COUNTRY = "Country";

    /**
     * Creates a user, copying the custom attributes in their iteration order.
     *
     * @param identifier the identifier
     * @param email the e-mail address
     * @param country the country
     * @param custom the custom attributes
     */
    public BenchUser {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(country, "country");
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /**
     * Returns one attribute by its ConfigCat name.
     *
     * @param name {@value #IDENTIFIER}, {@value #EMAIL}, {@value #COUNTRY} or a custom name
     * @return the value, or {@code null} when the user has no such attribute
     */
    public @Nullable Object attribute(String name) {
        return switch (name) {
            case IDENTIFIER -> identifier;
            case EMAIL -> email;
            case COUNTRY -> country;
            default -> custom.get(name);
        };
    }

    /**
     * Returns every attribute but the identifier, well-known ones first, as a new ordered map.
     *
     * @return {@code Email}, {@code Country} and the custom attributes
     */
    public Map<String, Object> attributesWithoutIdentifier() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(EMAIL, email);
        all.put(COUNTRY, country);
        all.putAll(custom);
        return all;
    }
}
