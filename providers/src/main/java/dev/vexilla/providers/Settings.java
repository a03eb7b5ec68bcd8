package dev.vexilla.providers;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The settings in effect: each {@link Setting} taken from the highest layer that has it (given settings, then system
 * properties, then environment variables, then defaults), and its text turned into a value.
 *
 * <p>Rules, the same in every layer: a name is a setting's variable ({@code VEXILLA_MODE}) or property
 * ({@code vexilla.mode}) name; a name with either prefix that is no setting is an error (a typo would otherwise be
 * ignored), except the bucketing server's own variables, which may share an environment with an application; other
 * names are ignored; a blank value counts as absent; a layer must not set both names of one setting. Every value is
 * checked for its form whatever the mode, and a message names the setting as it was given, never showing the value of
 * {@link Setting#SDK_KEY}.
 *
 * <p>Immutable.
 */
final class Settings {
    /** The layers, for messages. */
    static final String ENVIRONMENT = "environment variable";
    /** The system properties layer, for messages. */
    static final String SYSTEM_PROPERTIES = "system property";
    /** The given (programmatic) layer, for messages. */
    static final String GIVEN = "given setting";
    /** The defaults layer, for messages. */
    static final String DEFAULT = "default setting";

    /** The bucketing server's variables ({@code java -jar vexilla-server.jar --help}): not ours, not typos. */
    static final Set<String> SERVER_VARIABLES = Set.of(
            "VEXILLA_PORT",
            "VEXILLA_BIND_ADDRESS",
            "VEXILLA_CONFIG_DIR",
            "VEXILLA_KEYS_FILE",
            "VEXILLA_EDGEDB_URL",
            "VEXILLA_EDGEDB_PREFIX",
            "VEXILLA_EDGEDB_TTL",
            "VEXILLA_EDGEDB_TIMEOUT",
            "VEXILLA_EDGEDB_MAX_ENTRIES",
            "VEXILLA_EVENTS_SINK",
            "VEXILLA_MAX_BODY",
            "VEXILLA_MAX_HEADER",
            "VEXILLA_MAX_STREAMS",
            "VEXILLA_RATE_LIMIT",
            "VEXILLA_HEARTBEAT",
            "VEXILLA_RESCAN");

    /** Names this close to a setting's name (edits) are suggested as the intended one. */
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private final Map<Setting, Value> values;

    private Settings(Map<Setting, Value> values) {
        this.values = values;
    }

    /**
     * Resolves the layers.
     *
     * @param given the programmatic layer, already by setting (see {@link #byName(Map, String)})
     * @param systemProperties the system properties
     * @param environment the environment variables
     * @param defaults the lowest layer, already by setting
     * @return the settings in effect
     * @throws IllegalArgumentException naming the setting, for an unknown name, a setting given twice in one layer or
     *     a value of the wrong form
     */
    static Settings resolve(
            Map<Setting, Text> given,
            Map<String, String> systemProperties,
            Map<String, String> environment,
            Map<Setting, Text> defaults) {
        Map<Setting, Text> texts = new EnumMap<>(Setting.class);
        texts.putAll(defaults);
        texts.putAll(byName(environment, ENVIRONMENT));
        texts.putAll(byName(systemProperties, SYSTEM_PROPERTIES));
        texts.putAll(given);
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        texts.forEach((setting, text) -> values.put(setting, new Value(text.name, parse(setting, text))));
        return new Settings(Collections.unmodifiableMap(values));
    }

    /**
     * Picks the settings out of one layer's names.
     *
     * @param layer names to values, of any kind
     * @param kind what the layer is, for messages: {@link #ENVIRONMENT}, {@link #SYSTEM_PROPERTIES}, {@link #GIVEN} or
     *     {@link #DEFAULT}
     * @return the non-blank settings of the layer, with the name each was given under
     * @throws IllegalArgumentException for an unknown {@code VEXILLA_*} or {@code vexilla.*} name, or a setting
     *     given under both its names
     */
    static Map<Setting, Text> byName(Map<String, String> layer, String kind) {
        Map<Setting, Text> found = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> entry : layer.entrySet()) {
            String name = entry.getKey();
            Optional<Setting> setting = Setting.forName(name);
            if (setting.isEmpty()) {
                rejectIfUnknown(name, kind);
                continue;
            }
            String value = entry.getValue();
            if (value == null || value.trim().isEmpty()) {
                continue;
            }
            Text previous = found.put(setting.get(), new Text(name, value.trim()));
            if (previous != null) {
                throw new IllegalArgumentException(
                        previous.name + " and " + name + " are the same setting, both set as " + kind + "; keep one");
            }
        }
        return found;
    }

    /**
     * Returns the chosen mode.
     *
     * @return {@link Setting#MODE}'s value, {@link Mode#LOCAL} by default
     */
    Mode mode() {
        return get(Setting.MODE, Mode.class).orElse(Mode.LOCAL);
    }

    /**
     * Tells whether a setting has a value.
     *
     * @param setting the setting
     * @return {@code true} when some layer set it
     */
    boolean has(Setting setting) {
        return values.containsKey(setting);
    }

    /**
     * Returns a setting's value.
     *
     * @param setting the setting
     * @param type the type its form produces
     * @param <T> the type
     * @return the value, or empty when no layer set it
     */
    <T> Optional<T> get(Setting setting, Class<T> type) {
        Value value = values.get(setting);
        return value == null ? Optional.empty() : Optional.of(type.cast(value.value));
    }

    /**
     * Returns a setting's value that must be there.
     *
     * @param setting the setting
     * @param type the type its form produces
     * @param when the circumstance, completing "VEXILLA_X is required ..."
     * @param <T> the type
     * @return the value
     * @throws IllegalArgumentException naming the setting's variable if no layer set it
     */
    <T> T required(Setting setting, Class<T> type, String when) {
        return get(setting, type)
                .orElseThrow(() -> new IllegalArgumentException(setting.variable() + " is required " + when));
    }

    /**
     * Hands a setting's value, when set, to an option setter; the setter's complaint names the setting.
     *
     * @param setting the setting
     * @param type the type its form produces
     * @param apply the setter
     * @param <T> the type
     * @throws IllegalArgumentException if the setter rejects the value, prefixed with the setting's name
     */
    <T> void ifSet(Setting setting, Class<T> type, Consumer<? super T> apply) {
        get(setting, type)
                .ifPresent(value -> applying(setting, () -> {
                    apply.accept(value);
                    return value;
                }));
    }

    /**
     * Runs an option setter or factory that a setting's value feeds, naming the setting when it complains.
     *
     * @param setting the setting at fault if the action throws {@link IllegalArgumentException}
     * @param action the action
     * @param <T> what the action returns
     * @return the action's result
     * @throws IllegalArgumentException {@code "<name>: <the action's message>"}
     */
    <T> T applying(Setting setting, Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name(setting) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the name a setting was given under, or its variable name when unset.
     *
     * @param setting the setting
     * @return the name for messages
     */
    String name(Setting setting) {
        Value value = values.get(setting);
        return value == null ? setting.variable() : value.name;
    }

    private static Object parse(Setting setting, Text text) {
        try {
            return setting.form().parse(text.text);
        } catch (RuntimeException e) {
            if (setting.form() == Form.SECRET) {
                throw new IllegalArgumentException(
                        text.name + " must be " + setting.form().accepted());
            }
            throw new IllegalArgumentException(
                    text.name + " must be " + setting.form().accepted() + ", was '" + text.text + "'", e);
        }
    }

    private static void rejectIfUnknown(String name, String kind) {
        boolean variable = name.startsWith(Setting.VARIABLE_PREFIX);
        if (!(variable || name.startsWith(Setting.PROPERTY_PREFIX)) || SERVER_VARIABLES.contains(name)) {
            return;
        }
        @Nullable String suggestion = null;
        int best = MAX_SUGGESTION_DISTANCE + 1;
        for (Setting setting : Setting.values()) {
            String candidate = variable ? setting.variable() : setting.property();
            int distance = distance(name, candidate);
            if (distance < best) {
                best = distance;
                suggestion = candidate;
            }
        }
        String hint = suggestion != null
                ? "did you mean " + suggestion + "?"
                : "the settings are "
                        + Arrays.stream(Setting.values())
                                .map(s -> variable ? s.variable() : s.property())
                                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown setting " + name + " (" + kind + "); " + hint);
    }

    /** The Levenshtein distance: insertions, deletions and substitutions that turn one name into the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A setting's text and the name it was given under. */
    static final class Text {
        final String name;
        final String text;

        Text(String name, String text) {
            this.name = name;
            this.text = text;
        }
    }

    /** A setting's value and the name it was given under. */
    private static final class Value {
        final String name;
        final Object value;

        Value(String name, Object value) {
            this.name = name;
            this.value = value;
        }
    }
}
