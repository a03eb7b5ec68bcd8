package dev.vexilla.model;

import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of the user an evaluation is for, read by name.
 *
 * <p>Names follow ConfigCat's user object: {@value #IDENTIFIER}, {@value #EMAIL} and {@value #COUNTRY} are the
 * well-known attributes; every other name is a custom attribute, matched case-sensitively.
 *
 * <p>Attribute values are one of: {@link String}; a {@link Number} ({@link Integer}, {@link Long} or {@link Double},
 * other {@code Number}s as given); {@link Boolean}; {@link java.time.Instant} (a date-time); a {@code List<String>}
 * (a string array); or {@code null} when the attribute is absent. Structures are presented as JSON text.
 *
 * <p>Implementations may read lazily from an underlying context; an engine calls {@link #attribute(String)} only
 * for the attributes a rule needs. Implementations must be safe to read from the evaluating thread and must not
 * throw.
 *
 * @since 0.1.0
 */
public interface UserAttributes {

    /** The name of the identifier attribute. */
    String IDENTIFIER = "Identifier";

    /** The name of the e-mail attribute. */
    String EMAIL = "Email";

    /** The name of the country attribute. */
    String COUNTRY = "Country";

    /**
     * Returns the user's identifier.
     *
     * @return the identifier, or {@code null} when the user has none
     */
    @Nullable
    String identifier();

    /**
     * Returns one attribute by its exact name.
     *
     * @param name the attribute name ({@value #IDENTIFIER}, {@value #EMAIL}, {@value #COUNTRY} or a custom name)
     * @return the value as described in the class documentation, or {@code null} when absent
     */
    @Nullable
    Object attribute(String name);

    /**
     * Calls {@code action} once for every present attribute, the well-known ones first
     * ({@value #IDENTIFIER}, {@value #EMAIL}, {@value #COUNTRY}), then the custom ones in no particular order.
     * Private attributes are included: this is for evaluation and evaluation logs, not for storage.
     *
     * @param action receives each attribute name and value
     */
    void forEachAttribute(BiConsumer<String, Object> action);

    /**
     * Returns one entry of the user's DevCycle custom data: the entries of the context's {@code customData} and
     * {@code privateCustomData} structures (a private entry overrides a public one of the same name), then the
     * top-level attributes that are not one of DevCycle's user fields ({@code user_id}, {@code email},
     * {@code name}, {@code language}, {@code country}, {@code appVersion}, {@code appBuild}, {@code deviceModel},
     * and the names the context mapping consumes) or are such a string field given with another type (see
     * {@link DevCycleFields#isTopLevelCustomData(String, Object)}). A DevCycle {@code customData} filter reads this view, so a filter
     * on {@code dataKey: "email"} never sees a top-level {@code email}, while a ConfigCat rule on the custom attribute
     * {@code email} does (through {@link #attribute(String)}).
     *
     * <p>The default implementation answers {@link #attribute(String)} for names that are not well-known; the
     * implementations in this module keep where each attribute came from and answer exactly.
     *
     * @param name the custom data key
     * @return the value as described in the class documentation, or {@code null} when absent
     * @since 0.2.0
     */
    default @Nullable Object customData(String name) {
        Object value = attribute(name);
        return value != null && DevCycleFields.isTopLevelCustomData(name, value) ? value : null;
    }
}
