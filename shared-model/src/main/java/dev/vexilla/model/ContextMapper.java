package dev.vexilla.model;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.internal.AttributeValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps an OpenFeature {@link EvaluationContext} onto Vexilla's user model, the same way for both providers and the
 * server.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>context attribute</th><th>user attribute</th></tr>
 *   <tr><td>{@code targetingKey}; if absent or empty, the fallbacks {@code user_id}, then {@code userId}</td>
 *       <td>{@value UserAttributes#IDENTIFIER}</td></tr>
 *   <tr><td>{@code Email}; if absent or empty, the fallback {@code email}</td>
 *       <td>{@value UserAttributes#EMAIL}</td></tr>
 *   <tr><td>{@code Country}; if absent or empty, the fallback {@code country}</td>
 *       <td>{@value UserAttributes#COUNTRY}</td></tr>
 *   <tr><td>every other top-level attribute, the fallbacks {@code user_id}, {@code userId}, {@code email} and
 *       {@code country} included</td><td>a custom attribute of the exact same name</td></tr>
 *   <tr><td>entries of the {@code customData} structure</td>
 *       <td>DevCycle custom data; custom attributes of the same names</td></tr>
 *   <tr><td>entries of the {@code privateCustomData} structure</td>
 *       <td>DevCycle private custom data; private custom attributes</td></tr>
 * </table>
 *
 * <p><b>Two views of one context.</b> A ConfigCat rule reads {@link UserAttributes#attribute(String)}: the
 * well-known attributes, and every context attribute under its own exact name, so a rule on a custom attribute
 * {@code email} sees exactly what ConfigCat's SDK sees, while a rule on {@code Email} also accepts a context that only
 * has {@code email} (a documented superset of ConfigCat). A DevCycle {@code customData} filter reads
 * {@link UserAttributes#customData(String)}: the {@code customData} and {@code privateCustomData} entries and the
 * top-level attributes that are not DevCycle user fields, so a filter on {@code dataKey: "email"} never sees a
 * top-level {@code email}.
 *
 * <p><b>Precedence.</b> For the well-known attributes the first candidate holding a non-empty value wins; an empty
 * string counts as absent. In the ConfigCat view a custom name given at the top level wins over {@code customData},
 * which wins over {@code privateCustomData}; in the DevCycle view a {@code privateCustomData} entry wins over a
 * {@code customData} entry, which wins over a top-level attribute (DevCycle's own rule). The top-level names
 * {@code targetingKey}, {@code Identifier}, {@code Email}, {@code Country}, {@code customData} and
 * {@code privateCustomData} are consumed by the mapping and never become custom attributes; inside
 * {@code customData} {@code Identifier}, {@code Email} and {@code Country} are refused.
 *
 * <p><b>No user.</b> A {@code null} context, an empty one, and one that holds nothing but an empty targeting key all
 * name no user ({@link #namesNoUser(EvaluationContext)}): ConfigCat's engine then skips the rules that need a user,
 * exactly as for an absent targeting key.
 *
 * <p><b>Value types.</b> Strings, booleans, {@code Integer}/{@code Long}/{@code Double} numbers and {@code Instant}
 * date-times are kept as they are; a list whose items are all strings becomes a {@code List<String>}; any other list
 * or structure becomes JSON text with sorted keys (date-times inside it as unix seconds). A well-known attribute
 * given as a number or boolean is converted to text, given as anything else it is dropped; either way
 * {@link #map(EvaluationContext)} reports a problem naming the attribute.
 *
 * <pre>{@code
 * UserAttributes user = ContextMapper.view(ctx);     // local engine, per evaluation, lazy
 * MappedUser mapped = ContextMapper.map(ctx);        // cloud provider: full user plus problems
 * if (mapped.hasProblems()) { ... INVALID_CONTEXT ... }
 * }</pre>
 *
 * <p>No method throws: a {@code null} context maps to {@link User#empty()}, and a context that fails while being read
 * yields what could be read plus a problem. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ContextMapper {

    /** The context attribute holding the DevCycle-style custom data structure. */
    public static final String CUSTOM_DATA = "customData";

    /** The context attribute holding the DevCycle-style private custom data structure. */
    public static final String PRIVATE_CUSTOM_DATA = "privateCustomData";

    /** Context attribute names tried for the identifier, in order. */
    static final List<String> IDENTIFIER_KEYS =
            Collections.unmodifiableList(Arrays.asList(EvaluationContext.TARGETING_KEY, "user_id", "userId"));

    /** Context attribute names tried for the e-mail, in order. */
    static final List<String> EMAIL_KEYS = Collections.unmodifiableList(Arrays.asList("Email", "email"));

    /** Context attribute names tried for the country, in order. */
    static final List<String> COUNTRY_KEYS = Collections.unmodifiableList(Arrays.asList("Country", "country"));

    private static final Set<String> RESERVED_TOP_LEVEL = new HashSet<>(Arrays.asList(
            EvaluationContext.TARGETING_KEY,
            UserAttributes.IDENTIFIER,
            UserAttributes.EMAIL,
            UserAttributes.COUNTRY,
            CUSTOM_DATA,
            PRIVATE_CUSTOM_DATA));

    private ContextMapper() {}

    /**
     * Tells whether a context names no user at all: it is {@code null}, empty, or holds nothing but an empty
     * targeting key. An empty targeting key is the same as none, everywhere (both providers and the server).
     *
     * @param ctx the evaluation context, may be null
     * @return {@code true} when the context names no user
     * @since 0.2.0
     */
    public static boolean namesNoUser(@Nullable EvaluationContext ctx) {
        if (ctx == null || ctx.isEmpty()) {
            return true;
        }
        String key = ctx.getTargetingKey();
        if (key != null && !key.isEmpty()) {
            return false;
        }
        Set<String> names = ctx.keySet();
        return names.size() == 1 && names.contains(EvaluationContext.TARGETING_KEY);
    }

    /**
     * Returns a lazy view of the context for a local evaluation engine. Creating it allocates only the view;
     * {@link UserAttributes#attribute(String)} reads only the attribute asked for, through
     * {@code getTargetingKey()} and {@code getValue(key)}. The view agrees with {@link #toUser(EvaluationContext)}
     * on every attribute, reports no problems and never throws.
     *
     * @param ctx the evaluation context; {@code null} is treated as empty
     * @return the view, valid as long as the context is not changed; meant for the one evaluating thread (it
     *     remembers the custom-data structures it has read)
     */
    public static UserAttributes view(@Nullable EvaluationContext ctx) {
        return new ContextView(ctx);
    }

    /**
     * Maps the whole context eagerly into an immutable user.
     *
     * @param ctx the evaluation context; {@code null} is treated as empty
     * @return the user, never null
     */
    public static User toUser(@Nullable EvaluationContext ctx) {
        return map(ctx).user();
    }

    /**
     * Lists the problems found while mapping the context: wrong-typed well-known attributes, a non-structure
     * {@code customData}, refused names, values that cannot be converted. A name shadowed by the documented
     * precedence is not a problem.
     *
     * @param ctx the evaluation context; {@code null} is treated as empty
     * @return the problem messages, each naming the attribute; empty when the context maps cleanly
     */
    public static List<String> problems(@Nullable EvaluationContext ctx) {
        return map(ctx).problems();
    }

    /**
     * Maps the whole context eagerly and reports the problems found on the way.
     *
     * @param ctx the evaluation context; {@code null} is treated as empty
     * @return the user and the problems, never null
     */
    public static MappedUser map(@Nullable EvaluationContext ctx) {
        if (ctx == null) {
            return new MappedUser(User.empty(), Collections.emptyList());
        }
        List<String> problems = new ArrayList<>();
        User.Builder b = User.builder();
        try {
            b.identifier(identifier(ctx, problems));
            b.email(firstText(ctx, EMAIL_KEYS, problems));
            b.country(firstText(ctx, COUNTRY_KEYS, problems));
            addTopLevel(ctx, b, problems);
            addCustomData(ctx, CUSTOM_DATA, false, b, problems);
            addCustomData(ctx, PRIVATE_CUSTOM_DATA, true, b, problems);
        } catch (RuntimeException e) {
            problems.add(
                    "the context could not be read completely (" + e.getClass().getSimpleName() + ")");
        }
        return new MappedUser(b.build(), problems);
    }

    /** The names in a stable order (so equal contexts give equal users and request bodies), without a tree. */
    private static String[] sorted(Set<String> names) {
        String[] out = names.toArray(new String[0]);
        Arrays.sort(out);
        return out;
    }

    static boolean isReservedTopLevel(String name) {
        return RESERVED_TOP_LEVEL.contains(name);
    }

    static @Nullable String identifier(EvaluationContext ctx, @Nullable List<String> problems) {
        String key = ctx.getTargetingKey();
        if (key != null && !key.isEmpty()) {
            return key;
        }
        return firstText(ctx, IDENTIFIER_KEYS, problems);
    }

    static @Nullable String firstText(EvaluationContext ctx, List<String> keys, @Nullable List<String> problems) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String text = AttributeValues.textValue(ctx.getValue(key), key, problems);
            if (text != null && !text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    private static void addTopLevel(EvaluationContext ctx, User.Builder b, List<String> problems) {
        for (String name : sorted(ctx.keySet())) {
            if (isReservedTopLevel(name)) {
                if (UserAttributes.IDENTIFIER.equals(name)) {
                    problems.add("attribute 'Identifier' is reserved, set the targeting key instead; dropped");
                }
                continue;
            }
            Object value = AttributeValues.customValue(ctx.getValue(name), name, problems);
            if (value != null) {
                b.attribute(name, value);
            }
        }
    }

    private static void addCustomData(
            EvaluationContext ctx, String container, boolean isPrivate, User.Builder b, List<String> problems) {
        Value data = ctx.getValue(container);
        if (data == null || data.isNull()) {
            return;
        }
        if (!data.isStructure()) {
            problems.add("attribute '" + container + "' must be a structure, was a " + AttributeValues.kind(data)
                    + "; dropped");
            return;
        }
        Structure structure = data.asStructure();
        for (String name : sorted(structure.keySet())) {
            String path = container + "." + name;
            Object value = AttributeValues.customValue(structure.getValue(name), path, problems);
            if (value == null) {
                continue;
            }
            if (isPrivate) {
                b.privateCustomData(name, value);
            } else {
                b.customData(name, value);
            }
            if (UserAttributes.IDENTIFIER.equals(name)
                    || UserAttributes.EMAIL.equals(name)
                    || UserAttributes.COUNTRY.equals(name)) {
                problems.add("attribute '" + path + "' uses a well-known name, which custom data cannot set; kept as"
                        + " DevCycle custom data only");
                continue;
            }
            if (b.hasAttribute(name)) {
                continue; // shadowed in the ConfigCat view by the documented precedence; not a problem of the context
            }
            if (isPrivate) {
                b.privateAttribute(name, value);
            } else {
                b.attribute(name, value);
            }
        }
    }
}
