package dev.vexilla.bench.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user of the DevCycle scenarios (d1 to d5), independent of any SDK: each implementation converts it once, in its
 * setup, into a {@code DevCycleUser}, a Vexilla {@code User} or an OpenFeature context.
 *
 * <p>Field names follow DevCycle's user: {@code user_id}, {@code email}, {@code country}, {@code appVersion}, then the
 * custom data. Through OpenFeature the user id travels as the targeting key and everything else as a top-level
 * attribute under these names ({@link #contextAttributes()}), which DevCycle's provider and Vexilla's context mapping
 * both read: the known fields as fields, every other name as custom data.
 *
 * @param userId the user id (OpenFeature targeting key)
 * @param email the e-mail address
 * @param country the country, an ISO 3166 alpha-2 code
 * @param appVersion the application version
 * @param customData the custom data in a fixed order; values are {@link String}, {@link Integer} or {@link Boolean}
 */
public record DevCycleBenchUser(
        String userId, String email, String country, String appVersion, Map<String, Object> customData) {

    /** DevCycle's name of the e-mail field. */
    public static final String EMAIL = "email";

    /** DevCycle's name of the country field. */
    public static final String COUNTRY = "country";

    /** DevCycle's name of the application version field. */
    public static final String APP_VERSION = "appVersion";

    /**
     * Creates a user, copying the custom data in its iteration order.
     *
     * @param userId the user id
     * @param email the e-mail address
     * @param country the country
     * @param appVersion the application version
     * @param customData the custom data
     */
    public DevCycleBenchUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(appVersion, "appVersion");
        customData = Collections.unmodifiableMap(new LinkedHashMap<>(customData));
    }

    /**
     * Returns every attribute but the user id under DevCycle's names, the known fields first, as a new ordered map.
     *
     * @return {@code email}, {@code country}, {@code appVersion} and the custom data entries
     */
    public Map<String, Object> contextAttributes() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(EMAIL, email);
        all.put(COUNTRY, country);
        all.put(APP_VERSION, appVersion);
        all.putAll(customData);
        return all;
    }
}
