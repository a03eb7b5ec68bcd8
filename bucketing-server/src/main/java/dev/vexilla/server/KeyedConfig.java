package dev.vexilla.server;

import java.util.Objects;

/**
 * A served config as one SDK key reads it: the config version and the flag set id that evaluations for that key
 * report ({@link dev.vexilla.model.FlagSetIds#of(String)} of the key, the id {@code LocalProvider} reports for a
 * config downloaded with it). Several keys may read one config; each has its own id. Immutable.
 *
 * @param served the served config version
 * @param flagSetId the key's non-secret flag set id
 * @param <C> the compiled form
 */
record KeyedConfig<C>(ServedConfig<C> served, String flagSetId) {

    KeyedConfig {
        Objects.requireNonNull(served, "served");
        Objects.requireNonNull(flagSetId, "flagSetId");
    }

    /**
     * Returns the config name.
     *
     * @return the name of the served config
     */
    String name() {
        return served.name();
    }
}
