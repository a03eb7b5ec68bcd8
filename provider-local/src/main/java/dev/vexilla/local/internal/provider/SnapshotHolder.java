package dev.vexilla.local.internal.provider;

import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.local.OverrideBehaviour;
import dev.vexilla.local.internal.events.EvaluationCountSink;
import dev.vexilla.local.internal.events.EvaluationCountSource;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.UserAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Holds the current {@link Snapshot} in one volatile field and builds each new one from its parts: the remote config
 * (downloaded or cached), the local overrides and their {@link OverrideBehaviour}, the default user and the client
 * custom data; every snapshot evaluates with the evaluation log as the options set it. A swap that changes flags signals CONFIGURATION_CHANGED with exactly the keys that changed.
 *
 * <p>Counters: replaced snapshots are kept until the next {@link #drainTo} so their counts are not lost; a count
 * landing in a replaced snapshot after that last drain is lost (a race of nanoseconds per swap).
 *
 * <p>Thread-safe: readers never lock; writers are serialised.
 */
final class SnapshotHolder implements EvaluationCountSource {

    /** The flag set id of a provider that serves local overrides only. */
    static final String OVERRIDES_FLAG_SET_ID = "overrides";

    /** Most replaced snapshots kept for their counters until the next drain. */
    static final int MAX_RETIRED = 64;

    private final @Nullable OverrideBehaviour behaviour;
    private final String flagSetId;
    private final boolean counting;
    private final @Nullable UserAttributes defaultUser;
    private final boolean evaluationLog;
    private final Clock clock;
    private final ProviderSignals signals;
    private final ConcurrentLinkedQueue<Snapshot> retired = new ConcurrentLinkedQueue<>();
    private volatile Snapshot current;
    private @Nullable RemoteConfig remote;
    private @Nullable ConfigCatConfig local;
    private Map<String, Object> clientData = Collections.emptyMap();
    private @Nullable Instant localLoadTime;

    SnapshotHolder(
            @Nullable OverrideBehaviour behaviour,
            String flagSetId,
            boolean counting,
            @Nullable UserAttributes defaultUser,
            boolean evaluationLog,
            Clock clock,
            ProviderSignals signals) {
        this.behaviour = behaviour;
        this.flagSetId = flagSetId;
        this.counting = counting;
        this.defaultUser = defaultUser;
        this.evaluationLog = evaluationLog;
        this.clock = clock;
        this.signals = signals;
        this.current = Snapshot.guarded(
                ErrorKind.PROVIDER_NOT_READY, "The provider has no config yet.", placeholderMetadata());
    }

    /** Returns the current snapshot: one volatile read. */
    Snapshot current() {
        return current;
    }

    synchronized @Nullable RemoteConfig remote() {
        return remote;
    }

    /** Installs a downloaded or cached config; returns the keys that changed (empty when none or the first). */
    synchronized Set<String> installRemote(RemoteConfig config) {
        this.remote = config;
        return rebuild();
    }

    /** Installs local overrides; returns the keys that changed. */
    synchronized Set<String> installLocal(ConfigCatConfig overrides) {
        this.local = overrides;
        this.localLoadTime = clock.instant();
        return rebuild();
    }

    /** Replaces the client custom data (already normalised) without signalling a change. */
    synchronized void setClientData(Map<String, Object> data) {
        this.clientData = data;
        if (current.guard() == null) {
            rebuild();
        }
    }

    /** Makes every evaluation answer with an error from now on (fatal failure, shutdown). */
    synchronized void guard(ErrorKind kind, String message) {
        swap(Snapshot.guarded(kind, message, current.metadata()));
    }

    synchronized boolean hasConfig() {
        return current.guard() == null;
    }

    private Set<String> rebuild() {
        ConfigCatConfig config = effectiveConfig();
        if (config == null) {
            return Collections.emptySet();
        }
        ConfigCatConfig effective = config.withEvaluationLog(evaluationLog);
        Snapshot previous = current;
        Snapshot next = Snapshot.serving(effective, metadataFor(effective), defaultUser, clientData, counting);
        swap(next);
        ConfigCatConfig before = previous.config();
        if (before == null) {
            return Collections.emptySet();
        }
        Set<String> changed = effective.changedKeys(before);
        if (!changed.isEmpty()) {
            signals.configurationChanged(changed);
        }
        return changed;
    }

    private @Nullable ConfigCatConfig effectiveConfig() {
        if (behaviour == null || local == null) {
            return remote == null ? null : remote.config;
        }
        if (behaviour == OverrideBehaviour.LOCAL_ONLY) {
            return local;
        }
        ConfigCatConfig base = remote == null ? ConfigCatConfig.empty() : remote.config;
        return base.overlay(local, engineBehaviour(behaviour));
    }

    /** The engine's name for a behaviour: the provider's public option type maps one to one onto the engine's. */
    static dev.vexilla.engine.configcat.OverrideBehaviour engineBehaviour(OverrideBehaviour behaviour) {
        switch (behaviour) {
            case LOCAL_ONLY:
                return dev.vexilla.engine.configcat.OverrideBehaviour.LOCAL_ONLY;
            case LOCAL_OVER_REMOTE:
                return dev.vexilla.engine.configcat.OverrideBehaviour.LOCAL_OVER_REMOTE;
            default:
                return dev.vexilla.engine.configcat.OverrideBehaviour.REMOTE_OVER_LOCAL;
        }
    }

    private FlagMetadata metadataFor(ConfigCatConfig effective) {
        boolean overridden = behaviour != null && local != null;
        RemoteConfig r = behaviour == OverrideBehaviour.LOCAL_ONLY ? null : remote;
        String version = !overridden && r != null && r.etag != null ? opaqueTag(r.etag) : effective.contentHash();
        Instant time = r != null ? r.fetchTime : localLoadTime != null ? localLoadTime : clock.instant();
        return FlagMetadata.of(version, flagSetId, time);
    }

    /**
     * Returns an entity tag without its HTTP framing ({@code W/} and the quotes): the same {@code version} the
     * bucketing server reports for that config, so local and cloud evaluations carry equal metadata.
     */
    static String opaqueTag(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        if (tag.length() >= 2 && tag.charAt(0) == '"' && tag.charAt(tag.length() - 1) == '"') {
            return tag.substring(1, tag.length() - 1);
        }
        return tag;
    }

    private FlagMetadata placeholderMetadata() {
        return FlagMetadata.of(ConfigCatConfig.empty().contentHash(), flagSetId, Instant.EPOCH);
    }

    private void swap(Snapshot next) {
        Snapshot previous = current;
        current = next;
        if (counting && previous.guard() == null) {
            retired.add(previous);
            while (retired.size() > MAX_RETIRED) {
                retired.poll(); // nobody drains (a stalled pipeline): keep memory bounded, lose the oldest counts
            }
        }
    }

    @Override
    public void drainTo(EvaluationCountSink sink) {
        Snapshot s;
        while ((s = retired.poll()) != null) {
            s.drainTo(sink);
        }
        current.drainTo(sink);
    }
}
