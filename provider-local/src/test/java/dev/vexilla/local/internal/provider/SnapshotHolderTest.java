package dev.vexilla.local.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagValueType;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.local.OverrideBehaviour;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ResultReason;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class SnapshotHolderTest {

    private static final ImmutableContext CTX = new ImmutableContext("u1");

    private final List<Set<String>> changes = new CopyOnWriteArrayList<>();
    private final ProviderSignals signals = new ProviderSignals() {
        @Override
        public void ready() {}

        @Override
        public void configurationChanged(Set<String> flagsChanged) {
            changes.add(flagsChanged);
        }

        @Override
        public void stale(String message) {}

        @Override
        public void error(String message, boolean fatal) {}
    };

    private static String resource(String name) throws Exception {
        try (InputStream in = SnapshotHolderTest.class.getResourceAsStream("/dev/vexilla/local/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SnapshotHolder holder(boolean counting) {
        return new SnapshotHolder(null, "set-1", counting, null, false, Clock.systemUTC(), signals);
    }

    @Test
    void eightReadersWhileTheConfigIsSwappedAThousandTimes_seeOnlyConsistentSnapshots() throws Exception {
        String a = resource("flags-a.json");
        String b = resource("flags-b.json");
        RemoteConfig configA = new RemoteConfig(ConfigCatConfig.parse(a), "\"a\"", Instant.EPOCH, a);
        RemoteConfig configB = new RemoteConfig(ConfigCatConfig.parse(b), "\"b\"", Instant.EPOCH, b);
        SnapshotHolder holder = holder(true);
        holder.installRemote(configA);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(8);
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicLong evaluations = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                ready.countDown();
                while (!stop.get()) {
                    check(holder.current(), problems);
                    evaluations.incrementAndGet();
                }
            });
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }
        ready.await();
        for (int i = 0; i < 1_000; i++) {
            holder.installRemote(i % 2 == 0 ? configB : configA);
        }
        stop.set(true);
        for (Thread t : readers) {
            t.join(10_000);
        }
        assertThat(problems).isEmpty();
        assertThat(evaluations.get()).isPositive();
        assertThat(changes).hasSize(1_000).allSatisfy(c -> assertThat(c).contains("textRule"));
    }

    private static void check(Snapshot snapshot, List<String> problems) {
        ProviderEvaluation<String> text = snapshot.evaluate("textRule", FlagValueType.STRING, "x", CTX);
        ProviderEvaluation<Double> dbl = snapshot.evaluate("doubleFlag", FlagValueType.DOUBLE, -1.0, CTX);
        String version = text.getFlagMetadata().getString(FlagMetadata.VERSION);
        boolean isA = "plain".equals(text.getValue()) && "a".equals(version);
        boolean isB = "plain-v2".equals(text.getValue()) && "b".equals(version);
        boolean dblOk = "a".equals(dbl.getFlagMetadata().getString(FlagMetadata.VERSION))
                ? dbl.getValue() == 2.5
                : dbl.getErrorCode() == ErrorCode.FLAG_NOT_FOUND;
        if (!(isA || isB) || !dblOk) {
            problems.add(text.getValue() + "@" + version + " / " + dbl.getValue());
        }
    }

    @Test
    void countersAreDrainedOncePerEvaluation_acrossSwaps() throws Exception {
        String a = resource("flags-a.json");
        SnapshotHolder holder = holder(true);
        RemoteConfig config = new RemoteConfig(ConfigCatConfig.parse(a), "\"a\"", Instant.EPOCH, a);
        holder.installRemote(config);
        holder.current().evaluate("boolStatic", FlagValueType.BOOLEAN, false, CTX);
        holder.current().evaluate("boolStatic", FlagValueType.BOOLEAN, false, CTX);
        holder.installRemote(config.confirmedAt(Instant.now()));
        holder.current().evaluate("boolStatic", FlagValueType.BOOLEAN, false, CTX);
        holder.current().evaluate("boolStatic", FlagValueType.STRING, "x", CTX);
        holder.current().evaluate("nope", FlagValueType.BOOLEAN, false, CTX);

        Map<String, Long> counts = new ConcurrentHashMap<>();
        holder.drainTo((key, variation, reason, error, n) ->
                counts.merge(key + "/" + variation + "/" + reason + "/" + error, n, Long::sum));

        assertThat(counts)
                .containsEntry("boolStatic/b-on/" + ResultReason.STATIC + "/null", 3L)
                .containsEntry("boolStatic/null/ERROR/" + ErrorKind.TYPE_MISMATCH, 1L)
                .containsEntry("nope/null/ERROR/" + ErrorKind.FLAG_NOT_FOUND, 1L)
                .hasSize(3);
        counts.clear();
        holder.drainTo((key, variation, reason, error, n) -> counts.put(key, n));
        assertThat(counts).isEmpty();
    }

    @Test
    void withoutEventsNothingIsCounted() throws Exception {
        String a = resource("flags-a.json");
        SnapshotHolder holder = holder(false);
        holder.installRemote(new RemoteConfig(ConfigCatConfig.parse(a), null, Instant.EPOCH, a));
        holder.current().evaluate("boolStatic", FlagValueType.BOOLEAN, false, CTX);
        List<String> seen = new ArrayList<>();
        holder.drainTo((key, variation, reason, error, n) -> seen.add(key));
        assertThat(seen).isEmpty();
        assertThat(holder.current().metadata().version())
                .as("content hash without an ETag")
                .isEqualTo(ConfigCatConfig.parse(a).contentHash());
    }

    @Test
    void overridesAreVersionedByContentHash_andGuardAnswersEveryEvaluation() throws Exception {
        String a = resource("flags-a.json");
        SnapshotHolder holder = new SnapshotHolder(
                OverrideBehaviour.LOCAL_OVER_REMOTE, "set-1", false, null, false, Clock.systemUTC(), signals);
        holder.installRemote(new RemoteConfig(ConfigCatConfig.parse(a), "\"a\"", Instant.EPOCH, a));
        holder.installLocal(ConfigCatConfig.fromValues(Map.of("textRule", "local")));
        assertThat(holder.current().metadata().version()).isNotEqualTo("\"a\"").hasSize(64);
        assertThat(changes).containsExactly(Set.of("textRule"));

        holder.guard(ErrorKind.PROVIDER_FATAL, "gone");
        ProviderEvaluation<Boolean> e = holder.current().evaluate("boolStatic", FlagValueType.BOOLEAN, false, CTX);
        assertThat(e.getErrorCode()).isEqualTo(ErrorCode.PROVIDER_FATAL);
        assertThat(e.getErrorMessage()).isEqualTo("gone");
        assertThat(holder.hasConfig()).isFalse();
    }

    @Test
    void versionIsTheEntityTagWithoutItsHttpFraming() {
        assertThat(SnapshotHolder.opaqueTag("\"3H3U\"")).isEqualTo("3H3U");
        assertThat(SnapshotHolder.opaqueTag("W/\"3H3U\"")).isEqualTo("3H3U");
        assertThat(SnapshotHolder.opaqueTag("3H3U")).isEqualTo("3H3U");
        assertThat(SnapshotHolder.opaqueTag("\"")).isEqualTo("\"");
    }

    @Test
    void everyOverrideBehaviourMapsOntoTheEngineBehaviourOfTheSameName() {
        for (OverrideBehaviour behaviour : OverrideBehaviour.values()) {
            assertThat(SnapshotHolder.engineBehaviour(behaviour).name()).isEqualTo(behaviour.name());
        }
    }
}
