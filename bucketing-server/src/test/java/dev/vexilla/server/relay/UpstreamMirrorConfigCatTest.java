package dev.vexilla.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vexilla.engine.FlagConfig;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.server.ConfigValidators;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Relaying a loopback server that poses as ConfigCat's CDN: its path, its ETags and its data-governance redirects. */
final class UpstreamMirrorConfigCatTest {
    static final String KEY = "configcat-sdk-1/relay-test-aaaaaaaaaa/relay-test-bbbbbbbbbb";
    static final String PATH = "/configuration-files/" + KEY + "/config_v6.json";
    static final Duration WAIT = Duration.ofSeconds(60);

    private final List<RelayedConfig<FlagConfig>> received = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private FakeUpstream cdn;
    private FakeUpstream otherCdn;

    @BeforeEach
    void setUp() throws Exception {
        scheduler = new ScheduledThreadPoolExecutor(1);
        cdn = new FakeUpstream();
        otherCdn = new FakeUpstream();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        cdn.close();
        otherCdn.close();
    }

    static String config(boolean value, String preferences) {
        return "{\"p\":{\"s\":\"salt\"" + preferences + "},\"f\":{\"flag\":{\"t\":0,\"v\":{\"b\":" + value
                + "},\"i\":\"v1\"}}}";
    }

    static String redirectTo(FakeUpstream target, int mode) {
        return ",\"u\":\"" + target.baseUri() + "\",\"r\":" + mode;
    }

    private RelayOptions.Builder options(FakeUpstream upstream) {
        return RelayOptions.builder(upstream.baseUri()).key(KEY, "web").pollInterval(Duration.ofHours(1));
    }

    private UpstreamMirror<FlagConfig> start(RelayOptions options) {
        return start(options, Clock.systemUTC());
    }

    private UpstreamMirror<FlagConfig> start(RelayOptions options, Clock clock) {
        return UpstreamMirror.start(options, ConfigValidators.engine(), received::add, clock, scheduler);
    }

    private String lastText() {
        return new String(received.get(received.size() - 1).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void detectsConfigCatFromTheKeyAndServesTheCdnsExactBytes() {
        String body = config(true, "");
        cdn.serve(PATH, FakeUpstream.Served.of(body, "\"e1\""));
        RelayOptions options = options(cdn).build();
        assertThat(options.kind()).isEqualTo(UpstreamKind.CONFIGCAT);

        try (UpstreamMirror<FlagConfig> mirror = start(options)) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            RelayedConfig<FlagConfig> relayed = received.get(0);
            assertThat(relayed.configName()).isEqualTo("web");
            assertThat(relayed.bytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(relayed.upstreamEtag()).contains("\"e1\"");
            assertThat(relayed.compiled()).isNotNull();
            await().atMost(WAIT).until(mirror::allLoaded);
            assertThat(mirror.status().get(0).healthy()).isTrue();
        }
    }

    @Test
    void sendsTheEtagBackAndA304ChangesNothing() {
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, ""), "\"e1\""));
        try (UpstreamMirror<FlagConfig> mirror = start(options(cdn).build())) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            mirror.refresh();

            await().atMost(WAIT).until(() -> cdn.requestsTo(PATH).size() == 2);
            assertThat(cdn.requestsTo(PATH).get(0).header("If-None-Match")).isNull();
            assertThat(cdn.requestsTo(PATH).get(1).header("If-None-Match")).isEqualTo("\"e1\"");
            await().atMost(WAIT).until(() -> mirror.status().get(0).lastSuccess() != null);
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void followsAChangeOnThePollSchedule() {
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, ""), "\"e1\""));
        RelayOptions options =
                options(cdn).pollInterval(RelayOptions.MIN_POLL_INTERVAL).build();
        try (UpstreamMirror<FlagConfig> mirror = start(options)) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            cdn.serve(PATH, FakeUpstream.Served.of(config(false, ""), "\"e2\""));

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(lastText()).isEqualTo(config(false, ""));
            assertThat(received.get(1).upstreamEtag()).contains("\"e2\"");
        }
    }

    @Test
    void aFailingCdnKeepsTheLastGoodCopyAndHealthSaysWhy() {
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, ""), "\"e1\""));
        try (UpstreamMirror<FlagConfig> mirror = start(options(cdn).build())) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            cdn.failWith(503);
            mirror.refresh();

            await().atMost(WAIT).until(() -> !mirror.status().get(0).healthy());
            RelayStatus status = mirror.status().get(0);
            assertThat(status.failure()).contains("upstream answered HTTP 503");
            assertThat(status.loaded()).isTrue();
            assertThat(status.lastFailureAt()).isNotNull();
            assertThat(received).hasSize(1);
            assertThat(mirror.allLoaded()).isTrue();

            cdn.failWith(0);
            mirror.refresh();

            await().atMost(WAIT).until(() -> mirror.status().get(0).healthy());
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void aVersionTheValidatorRejectsIsNotHandedOnAndIsNotDownloadedAgain() {
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, ""), "\"e1\""));
        try (UpstreamMirror<FlagConfig> mirror = start(options(cdn).build())) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            cdn.serve(PATH, FakeUpstream.Served.of("{\"f\":[]}", "\"bad\""));
            mirror.refresh();

            await().atMost(WAIT).until(() -> !mirror.status().get(0).healthy());
            assertThat(mirror.status().get(0).failure().orElseThrow())
                    .startsWith("upstream config rejected:")
                    .contains("$.f");
            mirror.refresh();
            await().atMost(WAIT).until(() -> cdn.requestsTo(PATH).size() == 3);
            assertThat(cdn.requestsTo(PATH).get(2).header("If-None-Match")).isEqualTo("\"bad\"");
            assertThat(received).hasSize(1);

            cdn.serve(PATH, FakeUpstream.Served.of(config(false, ""), "\"e3\""));
            mirror.refresh();

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(lastText()).isEqualTo(config(false, ""));
            await().atMost(WAIT).until(() -> mirror.status().get(0).healthy());
        }
    }

    @Test
    void aForcedRedirectIsFollowedFromACustomBaseUrlAndKept() {
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, redirectTo(otherCdn, 2)), "\"a\""));
        String target = config(false, redirectTo(otherCdn, 0));
        otherCdn.serve(PATH, FakeUpstream.Served.of(target, "\"b\""));
        RelayOptions options = options(cdn).build();
        assertThat(options.configCatCdn()).isFalse();

        try (UpstreamMirror<FlagConfig> mirror = start(options)) {
            await().atMost(WAIT).until(() -> received.size() == 1);
            assertThat(lastText()).isEqualTo(target);

            mirror.refresh();

            await().atMost(WAIT).until(() -> otherCdn.requestsTo(PATH).size() == 2);
            assertThat(otherCdn.requestsTo(PATH).get(0).header("If-None-Match")).isNull();
            assertThat(otherCdn.requestsTo(PATH).get(1).header("If-None-Match")).isEqualTo("\"b\"");
            assertThat(cdn.requestsTo(PATH)).hasSize(1);
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void aShouldRedirectIsIgnoredFromACustomBaseUrl() {
        String own = config(true, redirectTo(otherCdn, 1));
        cdn.serve(PATH, FakeUpstream.Served.of(own, "\"a\""));
        otherCdn.serve(PATH, FakeUpstream.Served.of(config(false, ""), "\"b\""));

        try (UpstreamMirror<FlagConfig> mirror = start(options(cdn).build())) {
            await().atMost(WAIT).until(() -> received.size() == 1);
            mirror.refresh();
            await().atMost(WAIT).until(() -> cdn.requestsTo(PATH).size() == 2);

            assertThat(lastText()).isEqualTo(own);
            assertThat(otherCdn.requests()).isEmpty();
        }
    }

    @Test
    void aShouldRedirectIsFollowedFromConfigCatsOwnCdn() {
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, redirectTo(otherCdn, 1)), "\"a\""));
        String target = config(false, redirectTo(otherCdn, 1));
        otherCdn.serve(PATH, FakeUpstream.Served.of(target, "\"b\""));

        try (UpstreamMirror<FlagConfig> mirror =
                start(options(cdn).configCatCdn(true).build())) {
            await().atMost(WAIT).until(() -> received.size() == 1);

            assertThat(lastText()).isEqualTo(target);
            assertThat(cdn.requestsTo(PATH)).hasSize(1);
            assertThat(otherCdn.requestsTo(PATH)).hasSize(1);
        }
    }

    @Test
    void aNoRedirectSwitchesTheBaseUrlForLaterDownloadsButKeepsTheResponse() {
        String own = config(true, redirectTo(otherCdn, 0));
        cdn.serve(PATH, FakeUpstream.Served.of(own, "\"a\""));
        otherCdn.serve(PATH, FakeUpstream.Served.of(config(false, redirectTo(otherCdn, 0)), "\"b\""));

        try (UpstreamMirror<FlagConfig> mirror =
                start(options(cdn).configCatCdn(true).build())) {
            await().atMost(WAIT).until(() -> received.size() == 1);
            assertThat(lastText()).isEqualTo(own);
            assertThat(otherCdn.requests()).isEmpty();

            mirror.refresh();

            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(otherCdn.requestsTo(PATH)).hasSize(1);
            assertThat(cdn.requestsTo(PATH)).hasSize(1);
        }
    }

    @Test
    void aRedirectLoopStopsAfterTwoRedirectsAndKeepsTheLastGoodCopy() {
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, redirectTo(otherCdn, 2)), "\"a\""));
        otherCdn.serve(PATH, FakeUpstream.Served.of(config(false, redirectTo(cdn, 2)), "\"b\""));

        try (UpstreamMirror<FlagConfig> mirror = start(options(cdn).build())) {
            await().atMost(WAIT).until(() -> !mirror.status().get(0).healthy());

            assertThat(mirror.status().get(0).failure().orElseThrow()).startsWith("redirect loop");
            assertThat(cdn.requestsTo(PATH).size() + otherCdn.requestsTo(PATH).size())
                    .isEqualTo(1 + ConfigCatRedirect.MAX_REDIRECTS);
            assertThat(received).isEmpty();
            assertThat(mirror.allLoaded()).isFalse();
        }
    }

    @Test
    void anUpstreamThatGoesBackToTheServedVersionAfterARejectionIsHealthyAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        cdn.serve(PATH, FakeUpstream.Served.of(config(true, ""), "\"e1\""));
        try (UpstreamMirror<FlagConfig> mirror = start(options(cdn).build(), clock)) {
            await().atMost(WAIT).until(() -> received.size() == 1);
            cdn.serve(PATH, FakeUpstream.Served.of("{\"f\":[]}", "\"bad\""));
            mirror.refresh();
            await().atMost(WAIT).until(() -> !mirror.status().get(0).healthy());

            cdn.serve(PATH, FakeUpstream.Served.of(config(true, ""), "\"e1-again\""));
            mirror.refresh();
            await().atMost(WAIT).until(() -> mirror.status().get(0).healthy());
            Instant back = mirror.status().get(0).lastSuccess();
            clock.advance(Duration.ofMinutes(1));
            mirror.refresh();

            await().atMost(WAIT)
                    .until(() -> back.plus(Duration.ofMinutes(1))
                            .equals(mirror.status().get(0).lastSuccess()));
            assertThat(cdn.requestsTo(PATH).get(3).header("If-None-Match")).isEqualTo("\"e1-again\"");
            assertThat(mirror.status().get(0).healthy()).isTrue();
            assertThat(received).hasSize(1);
        }
    }
}
