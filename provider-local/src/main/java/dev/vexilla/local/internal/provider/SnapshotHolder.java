package dev.vexilla.local.internal.provider;

import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import dev.vexilla.engine.devcycle.DevCycleEnvironment;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current {@link Snapshot} in one volatile field and builds each new one from its parts: the remote config
 * (downloaded or cached), the local overrides and their {@link OverrideBehaviour}, the default user and the client
 * custom data; every snapshot evaluates with the evaluation log as the options set it. A swap that changes flags
 * signals CONFIGURATION_CHANGED with exactly the keys that changed.
 *
 * <p><b>Two flag models.</b> A ConfigCat config and ConfigCat overrides merge key by key as the behaviour says. A
 * DevCycle config (remote or local) does not merge: when the remote config and the overrides are not both ConfigCat's,
 * the side the behaviour prefers serves whole ({@code LOCAL_OVER_REMOTE}: the overrides; {@code REMOTE_OVER_LOCAL}:
 * the remote config, the overrides until it arrives), with one WARN. A DevCycle config evaluates with the provider's
 * clock (rollouts) and client custom data (the fallback of {@code customData} filters).
 *
 * <p>Counters: replaced snapshots are kept until the next {@link #drainTo} so their counts are not lost; a count
 * landing in a replaced snapshot after that last drain is lost (a race of nanoseconds per swap).
 *
 * <p>Thread-safe: readers never lock; writers are serialised.
 */
final class SnapshotHolder implements EvaluationCountSource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotHolder.class);

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
    private @Nullable FlagConfig local;
    private boolean warnedNoMerge;
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
    synchronized Set<String> installLocal(FlagConfig overrides) {
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
        FlagConfig config = effectiveConfig();
        if (config == null) {
            return Collections.emptySet();
        }
        FlagConfig effective = prepared(config);
        Snapshot previous = current;
        Snapshot next = Snapshot.serving(effective, metadataFor(effective), defaultUser, clientData, counting);
        swap(next);
        FlagConfig before = previous.config();
        if (before == null) {
            return Collections.emptySet();
        }
        Set<String> changed = effective.changedKeys(before);
        if (!changed.isEmpty()) {
            signals.configurationChanged(changed);
        }
        return changed;
    }

    /** The config as this provider evaluates it: ConfigCat's with the evaluation log option, DevCycle's with its environment. */
    private FlagConfig prepared(FlagConfig config) {
        if (config instanceof ConfigCatConfig) {
            return ((ConfigCatConfig) config).withEvaluationLog(evaluationLog);
        }
        if (config instanceof DevCycleConfig) {
            return ((DevCycleConfig) config)
                    .withEnvironment(DevCycleEnvironment.builder()
                            .clock(clock)
                            .clientCustomData(clientData)
                            .build());
        }
        return config;
    }

    private @Nullable FlagConfig effectiveConfig() {
        FlagConfig overrides = local;
        if (behaviour == null || overrides == null) {
            return remote == null ? null : remote.config;
        }
        if (behaviour == OverrideBehaviour.LOCAL_ONLY) {
            return overrides;
        }
        FlagConfig base = remote == null ? ConfigCatConfig.empty() : remote.config;
        if (base instanceof ConfigCatConfig && overrides instanceof ConfigCatConfig) {
            return ((ConfigCatConfig) base).overlay((ConfigCatConfig) overrides, engineBehaviour(behaviour));
        }
        if (!warnedNoMerge) {
            warnedNoMerge = true;
            LOG.warn(
                    "Flag overrides ({}) and the downloaded config ({}) cannot merge key by key; {} serves whole",
                    overrides.model(),
                    remote == null ? "none yet" : base.model(),
                    behaviour == OverrideBehaviour.LOCAL_OVER_REMOTE || remote == null
                            ? "the overrides"
                            : "the download");
        }
        return behaviour == OverrideBehaviour.LOCAL_OVER_REMOTE || remote == null ? overrides : base;
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

    private FlagMetadata metadataFor(FlagConfig effective) {
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
