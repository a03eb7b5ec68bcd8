package dev.vexilla.server;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The complete state of a {@link ConfigSource} at one moment: the current version of every config and every SDK
 * key (as a digest). Immutable.
 *
 * @param configs the current version of each config, by name
 * @param keys the keys, digests only
 */
record SourceSnapshot(Map<String, StoredConfig> configs, List<SdkKeys.Digested> keys) {

    SourceSnapshot {
        configs = Map.copyOf(Objects.requireNonNull(configs, "configs"));
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    }
}
