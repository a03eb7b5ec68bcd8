package dev.vexilla.model;

import dev.openfeature.sdk.EvaluationContext;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of DevCycle's user fields as they appear in an evaluation context, and which of them a DevCycle engine
 * reads through {@link UserAttributes#attribute(String)}.
 *
 * <table>
 *   <caption>DevCycle user field → where the engine reads it</caption>
 *   <tr><td>{@code user_id}</td><td>{@link UserAttributes#identifier()}</td></tr>
 *   <tr><td>{@code email}</td><td>{@code attribute(}{@value UserAttributes#EMAIL}{@code )}</td></tr>
 *   <tr><td>{@code country}</td><td>{@code attribute(}{@value UserAttributes#COUNTRY}{@code )}</td></tr>
 *   <tr><td>{@code name}, {@code language}, {@code appVersion}, {@code appBuild}, {@code deviceModel}</td>
 *       <td>{@code attribute(}the same name{@code )}</td></tr>
 *   <tr><td>custom data</td><td>{@link UserAttributes#customData(String)}</td></tr>
 * </table>
 *
 * @since 0.2.0
 */
public final class DevCycleFields {

    /** DevCycle's user name field. */
    public static final String NAME = "name";

    /** DevCycle's language field. */
    public static final String LANGUAGE = "language";

    /** DevCycle's application version field. */
    public static final String APP_VERSION = "appVersion";

    /** DevCycle's application build field. */
    public static final String APP_BUILD = "appBuild";

    /** DevCycle's device model field. */
    public static final String DEVICE_MODEL = "deviceModel";

    private static final Set<String> STRING_FIELDS = Collections.unmodifiableSet(
            new HashSet<>(Arrays.asList(NAME, LANGUAGE, APP_VERSION, APP_BUILD, DEVICE_MODEL)));

    private static final Set<String> USER_FIELDS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            EvaluationContext.TARGETING_KEY,
            "user_id",
            "userId",
            UserAttributes.IDENTIFIER,
            "email",
            UserAttributes.EMAIL,
            "country",
            UserAttributes.COUNTRY,
            NAME,
            LANGUAGE,
            APP_VERSION,
            APP_BUILD,
            DEVICE_MODEL,
            ContextMapper.CUSTOM_DATA,
            ContextMapper.PRIVATE_CUSTOM_DATA)));

    private DevCycleFields() {}

    /**
     * Tells whether a top-level context attribute belongs to the user's DevCycle custom data, as DevCycle's own
     * OpenFeature provider decides: every attribute that is not a user field, and a string field ({@code name},
     * {@code language}, {@code appVersion}, {@code appBuild}, {@code deviceModel}) given with a value that is not a
     * string.
     *
     * @param name a top-level attribute name
     * @param value its value as the user model holds it
     * @return {@code true} when a {@code customData} filter on {@code name} sees this attribute
     */
    public static boolean isTopLevelCustomData(String name, Object value) {
        return !USER_FIELDS.contains(name) || (STRING_FIELDS.contains(name) && !(value instanceof String));
    }
}
