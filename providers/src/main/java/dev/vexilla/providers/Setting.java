package dev.vexilla.providers;

import java.util.Locale;
import java.util.Optional;

/**
 * The settings {@link VexillaProviders} reads. Each has two names: the environment variable
 * ({@link #variable()}, {@code VEXILLA_SDK_KEY}) and the system property ({@link #property()}, the lower-case dotted
 * form {@code vexilla.sdk.key}). Settings that do not apply to the chosen {@link #MODE} are checked for their form
 * and otherwise ignored, so one deployment's settings can hold both modes' values.
 *
 * @since 0.1.0
 */
public enum Setting {
    /** {@code local} (the default): {@code LocalProvider}; {@code cloud}: {@code CloudProvider}. */
    MODE(Form.MODE),
    /** The SDK key. Required in cloud mode, and in local mode unless {@link #CONFIG_FILE} is set. Never shown. */
    SDK_KEY(Form.SECRET),
    /**
     * The server: local mode downloads the config from it (default ConfigCat's CDN, see {@link #DATA_GOVERNANCE});
     * cloud mode sends evaluations to it (required there, unless {@code OFREP_ENDPOINT} is set).
     */
    BASE_URL(Form.URL),
    /**
     * Local mode: serve the flags of this config JSON v6 file (or {@code {"flags": {...}}} file), offline; the SDK
     * key and every network setting are then not used.
     */
    CONFIG_FILE(Form.FILE),
    /** Local mode: {@code true} re-reads {@link #CONFIG_FILE} when it changes; default {@code false}. */
    CONFIG_FILE_WATCH(Form.BOOLEAN),
    /** Local mode: the interval of auto polling; default {@code PollingMode.DEFAULT_POLL_INTERVAL}, 60 s. */
    POLL_INTERVAL(Form.DURATION),
    /**
     * How long {@code initialize} waits for the first config (local mode: the auto-poll wait, default 5 s) or for the
     * server's first answer (cloud mode: default 5 s).
     */
    INIT_TIMEOUT(Form.DURATION),
    /**
     * Whether the provider listens to the server's change stream: local mode's realtime updates (default
     * {@code false}, or {@code true} with DevCycle's protocol), cloud mode's change stream (default {@code true}).
     */
    REALTIME(Form.BOOLEAN),
    /**
     * Local mode: {@code configcat} or {@code devcycle}, whose CDN protocol the config source speaks; default by
     * the SDK key: DevCycle server keys ({@code dvc_server…}, {@code server…}) select {@code devcycle}, every other
     * key {@code configcat}.
     */
    CONFIG_PROTOCOL(Form.CONFIG_PROTOCOL),
    /** Local mode without {@link #BASE_URL}: {@code global} (the default) or {@code eu}, ConfigCat's CDN. */
    DATA_GOVERNANCE(Form.DATA_GOVERNANCE),
    /** Local mode: a directory where the last config is kept across restarts; default in memory only. */
    CONFIG_CACHE_DIR(Form.PATH),
    /**
     * Local mode: where evaluation counters and tracked events are posted; default none (nothing sent), or DevCycle's
     * events API with DevCycle's protocol.
     */
    EVENTS_URL(Form.URL),
    /** The TCP connect timeout; default 5 s (local) or 250 ms (cloud). */
    CONNECT_TIMEOUT(Form.DURATION),
    /** Local mode: the read timeout of a config download; default 10 s. */
    READ_TIMEOUT(Form.DURATION),
    /** Cloud mode: the deadline of one evaluation, retries included; default 500 ms (or {@code OFREP_TIMEOUT_MS}). */
    REQUEST_TIMEOUT(Form.DURATION),
    /** An HTTP proxy for every request, {@code http://host:port}; default none. */
    PROXY(Form.PROXY),
    /** Cloud mode: {@code bucketing} (DevCycle's Bucketing API v1, the default) or {@code ofrep}. */
    PROTOCOL(Form.PROTOCOL),
    /** Cloud mode: {@code true} caches answers (reason {@code CACHED}); default {@code false}. */
    CACHE(Form.BOOLEAN),
    /**
     * Cloud mode with {@link #CACHE}: how long an answer is served; default
     * {@link VexillaProviders#DEFAULT_CACHE_TTL}.
     */
    CACHE_TTL(Form.DURATION),
    /**
     * Cloud mode with {@link #CACHE}: how many answers are kept; default
     * {@link VexillaProviders#DEFAULT_CACHE_MAX_ENTRIES}.
     */
    CACHE_MAX_ENTRIES(Form.INTEGER),
    /** Cloud mode: retries after a 5xx answer or a connection error, within the deadline; default 1. */
    RETRIES(Form.INTEGER),
    /** Cloud mode: the connection pool's size; default 64. */
    MAX_CONNECTIONS(Form.INTEGER),
    /** Cloud mode: {@code true} asks the server to merge and store users (EdgeDB); default {@code false}. */
    ENABLE_EDGEDB(Form.BOOLEAN);

    /** The prefix of every variable name. */
    static final String VARIABLE_PREFIX = "VEXILLA_";

    /** The prefix of every system property name. */
    static final String PROPERTY_PREFIX = "vexilla.";

    private final Form form;
    private final String variable;
    private final String property;

    Setting(Form form) {
        this.form = form;
        this.variable = VARIABLE_PREFIX + name();
        this.property = PROPERTY_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * Returns the environment variable's name.
     *
     * @return for example {@code VEXILLA_POLL_INTERVAL}
     */
    public String variable() {
        return variable;
    }

    /**
     * Returns the system property's name: the variable's name in lower case with dots for underscores.
     *
     * @return for example {@code vexilla.poll.interval}
     */
    public String property() {
        return property;
    }

    /**
     * Returns the form the setting's text must have.
     *
     * @return the form
     */
    Form form() {
        return form;
    }

    /**
     * Finds the setting a name stands for.
     *
     * @param name a variable name ({@code VEXILLA_MODE}) or a property name ({@code vexilla.mode}), exactly
     * @return the setting, or empty when the name is neither
     */
    static Optional<Setting> forName(String name) {
        for (Setting setting : values()) {
            if (setting.variable.equals(name) || setting.property.equals(name)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
