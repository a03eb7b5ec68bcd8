package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEvent;
import dev.vexilla.local.internal.cache.CacheEntry;
import dev.vexilla.local.internal.cache.CacheEntryStore;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Polling modes, the config cache (warm start, write-back, 304 fetch-time bump), offline and online. */
final class LocalProviderPollingTest {

    private static final ImmutableContext EMPTY = new ImmutableContext();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    private final EventLog events = new EventLog(api);
    private final TestHttpServer http = TestHttpServer.start();
    private final ConfigCache cache = ConfigCache.inMemory();
    private final CacheEntryStore store = new CacheEntryStore(cache, TestConfigs.SDK_KEY);

    @AfterEach
    void tearDown() {
        api.shutdown();
        http.close();
    }

    private LocalOptions.Builder options(PollingMode mode) {
        return LocalOptions.builder()
                .sdkKey(TestConfigs.SDK_KEY)
                .baseUrl(http.baseUri())
                .pollingMode(mode)
                .configCache(cache)
                .readTimeout(Duration.ofSeconds(2))
                .clock(clock)
                .scheduler(scheduler);
    }

    private String textRule(LocalProvider provider) {
        return provider.getStringEvaluation("textRule", "x", EMPTY).getValue();
    }

    @Test
    void autoPoll_downloadsEveryInterval_withTheEtag() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""));
        http.fallback(respond(304, ""));
        api.setProviderAndWait(
                new LocalProvider(options(PollingMode.autoPoll(Duration.ofSeconds(30), Duration.ofSeconds(5)))
                        .build()));
        assertThat(http.takeRequest().header("If-None-Match")).isNull();

        scheduler.advance(Duration.ofSeconds(29));
        assertThat(http.requestCount()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(http.requestCount()).isEqualTo(2);
        assertThat(http.takeRequest().header("If-None-Match")).isEqualTo("\"a\"");
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(http.requestCount()).isEqualTo(3);
    }

    @Test
    void lazyLoad_downloadsOnlyWhenAnEvaluationFindsTheConfigExpired() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""), respond(200, TestConfigs.B, "ETag", "\"b\""));
        LocalProvider provider = new LocalProvider(
                options(PollingMode.lazyLoad(Duration.ofSeconds(60))).build());
        api.setProviderAndWait(provider);
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(textRule(provider)).isEqualTo("plain");
        assertThat(http.requestCount()).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(http.requestCount()).as("no background work").isEqualTo(1);
        assertThat(textRule(provider)).as("answered from the config held").isEqualTo("plain");
        assertThat(http.requestCount()).isEqualTo(2);
        assertThat(textRule(provider)).isEqualTo("plain-v2");
    }

    @Test
    void autoPoll_servesAConfigAnotherProcessJustCached_insteadOfDownloading() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""));
        http.fallback(respond(304, ""));
        LocalProvider provider =
                new LocalProvider(options(PollingMode.autoPoll(Duration.ofSeconds(30), Duration.ofSeconds(5)))
                        .build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);
        assertThat(http.requestCount()).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(20));
        store.save(new CacheEntry(clock.instant(), "\"b\"", TestConfigs.B)); // another process fetched v2
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(http.requestCount())
                .as("the fresh shared entry answered this poll")
                .isEqualTo(1);
        events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        ProviderEvaluation<String> adopted = provider.getStringEvaluation("textRule", "x", EMPTY);
        assertThat(adopted.getValue()).isEqualTo("plain-v2");
        assertThat(adopted.getFlagMetadata().getString(FlagMetadata.VERSION)).isEqualTo("b");

        scheduler.advance(Duration.ofSeconds(30));

        assertThat(http.requestCount())
                .as("the entry is now older than the interval")
                .isEqualTo(2);
        assertThat(http.takeRequest().header("If-None-Match"))
                .as("the first download")
                .isNull();
        assertThat(http.takeRequest().header("If-None-Match"))
                .as("revalidates the adopted config")
                .isEqualTo("\"b\"");
    }

    @Test
    void lazyLoad_servesAConfigAnotherProcessCachedWithinTheTtl() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""));
        LocalProvider provider = new LocalProvider(
                options(PollingMode.lazyLoad(Duration.ofSeconds(60))).build());
        api.setProviderAndWait(provider);
        scheduler.advance(Duration.ofSeconds(50));
        store.save(new CacheEntry(clock.instant(), "\"b\"", TestConfigs.B));
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(textRule(provider)).as("answered from the config held").isEqualTo("plain");
        scheduler.advance(Duration.ZERO);

        assertThat(http.requestCount()).isEqualTo(1);
        assertThat(textRule(provider)).isEqualTo("plain-v2");
    }

    @Test
    void manualPoll_downloadsOnlyOnForceRefresh() {
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""), respond(200, TestConfigs.B, "ETag", "\"b\""));
        LocalProvider provider =
                new LocalProvider(options(PollingMode.manualPoll()).build());
        api.setProviderAndWait(provider);
        scheduler.advance(Duration.ofHours(1));
        assertThat(textRule(provider)).isEqualTo("plain");
        assertThat(http.requestCount()).isEqualTo(1);

        assertThat(provider.forceRefresh()).isEqualTo(RefreshResult.success());

        assertThat(http.requestCount()).isEqualTo(2);
        assertThat(textRule(provider)).isEqualTo("plain-v2");
    }

    @Test
    void cachedConfig_servesAtOnce_thenTheDownloadReplacesAndWritesBack() {
        Instant cachedAt = START.minus(Duration.ofHours(2));
        store.save(new CacheEntry(cachedAt, "\"a\"", TestConfigs.A));
        http.enqueue(respond(200, TestConfigs.B, "ETag", "\"b\""), respond(304, ""));
        LocalProvider provider =
                new LocalProvider(options(PollingMode.autoPoll(Duration.ofSeconds(60), Duration.ofSeconds(5)))
                        .build());
        api.setProviderAndWait(provider);
        events.next(ProviderEvent.PROVIDER_READY);

        ProviderEvaluation<String> cached = provider.getStringEvaluation("textRule", "x", EMPTY);
        assertThat(cached.getValue()).isEqualTo("plain");
        assertThat(cached.getFlagMetadata().getString(FlagMetadata.VERSION)).isEqualTo("a");
        assertThat(cached.getFlagMetadata().getLong(FlagMetadata.FETCH_TIME)).isEqualTo(cachedAt.toEpochMilli());
        assertThat(http.requestCount())
                .as("no download before initialize returns")
                .isZero();

        scheduler.advance(Duration.ZERO);

        assertThat(http.takeRequest().header("If-None-Match")).isEqualTo("\"a\"");
        events.next(ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        assertThat(textRule(provider)).isEqualTo("plain-v2");
        CacheEntry written = store.load().orElseThrow();
        assertThat(written.etag()).isEqualTo("\"b\"");
        assertThat(written.configJson()).isEqualTo(TestConfigs.B);
        assertThat(written.fetchTime()).isEqualTo(START);

        scheduler.advance(Duration.ofSeconds(60));

        assertThat(store.load().orElseThrow().fetchTime())
                .as("304 bumps the fetch time")
                .isEqualTo(clock.instant());
        assertThat(store.load().orElseThrow().etag()).isEqualTo("\"b\"");
    }

    @Test
    void brokenCacheEntry_isIgnored() {
        cache.write(store.key(), "not a cache entry");
        http.enqueue(respond(200, TestConfigs.A, "ETag", "\"a\""));
        LocalProvider provider =
                new LocalProvider(options(PollingMode.manualPoll()).build());
        api.setProviderAndWait(provider);
        assertThat(textRule(provider)).isEqualTo("plain");
    }

    @Test
    void offline_servesTheCacheWithoutNetwork_untilSetOnline() {
        store.save(new CacheEntry(START, "\"a\"", TestConfigs.A));
        http.fallback(respond(200, TestConfigs.B, "ETag", "\"b\""));
        LocalProvider provider = new LocalProvider(options(PollingMode.autoPoll(Duration.ofSeconds(30), Duration.ZERO))
                .offline(true)
                .build());
        api.setProviderAndWait(provider);
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(provider.isOffline()).isTrue();
        assertThat(textRule(provider)).isEqualTo("plain");
        assertThat(provider.forceRefresh().error()).get().asString().contains("offline");
        assertThat(http.requestCount()).isZero();

        provider.setOnline();

        assertThat(provider.isOffline()).isFalse();
        assertThat(http.requestCount()).isEqualTo(1);
        assertThat(textRule(provider)).isEqualTo("plain-v2");

        provider.setOffline();
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(http.requestCount()).isEqualTo(1);
    }

    @Test
    void offlineWithoutAnyConfig_failsInitializeSayingSo() {
        LocalProvider provider = new LocalProvider(
                options(PollingMode.manualPoll()).offline(true).build());
        assertThatThrownBy(() -> api.setProviderAndWait(provider)).hasMessageContaining("offline");
        assertThat(http.requestCount()).isZero();
    }
}
