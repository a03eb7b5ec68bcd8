package dev.vexilla.local.internal.provider;

import dev.vexilla.engine.FlagConfig;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A downloaded (or cached) config: compiled, with its ETag, its {@code Last-Modified} (DevCycle's CDN sends one; a
 * cached config has none) and the time it was fetched or last confirmed.
 */
final class RemoteConfig {

    final FlagConfig config;
    final @Nullable String etag;
    final @Nullable String lastModified;
    final Instant fetchTime;
    final String json;

    RemoteConfig(FlagConfig config, @Nullable String etag, Instant fetchTime, String json) {
        this(config, etag, null, fetchTime, json);
    }

    RemoteConfig(
            FlagConfig config, @Nullable String etag, @Nullable String lastModified, Instant fetchTime, String json) {
        this.config = Objects.requireNonNull(config, "config");
        this.etag = etag == null || etag.isEmpty() ? null : etag;
        this.lastModified = lastModified;
        this.fetchTime = Objects.requireNonNull(fetchTime, "fetchTime");
        this.json = Objects.requireNonNull(json, "json");
    }

    RemoteConfig confirmedAt(Instant time) {
        return new RemoteConfig(config, etag, lastModified, time, json);
    }

    @Override
    public String toString() {
        return "RemoteConfig{etag=" + etag + ", fetchTime=" + fetchTime + ", " + config + "}";
    }
}
