package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Faults between the provider and a real server: a stopped server, a stall, a slow drip, 500s, 429, a refused key. */
final class CloudProviderFaultTest {
    private static final ImmutableContext ADA = new ImmutableContext("u-1");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private CloudOptions.Builder options(URI base) {
        return CloudOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(base)
                .requestTimeout(Duration.ofSeconds(5))
                .staleGracePeriod(Duration.ofSeconds(10))
                .clock(clock)
                .environment(Map.of());
    }

    @Test
    void stoppedServerGivesDefaultsThenStaleThenErrorAndReadyOnRecovery() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            CloudProvider provider = new CloudProvider(options(proxy.baseUri()).build());
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                assertThat(provider.getBooleanEvaluation("checkoutEnabled", false, ADA)
                                .getValue())
                        .isTrue();

                server.stop();
                proxy.mode(FaultProxy.Mode.FORWARD);
                ProviderEvaluation<Boolean> down = provider.getBooleanEvaluation("checkoutEnabled", false, ADA);
                assertThat(down.getValue()).isFalse();
                assertThat(down.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
                events.awaitLast("STALE");

                clock.advance(Duration.ofSeconds(11));
                assertThat(provider.getBooleanEvaluation("checkoutEnabled", false, ADA)
                                .getErrorCode())
                        .isEqualTo(ErrorCode.GENERAL);
                events.awaitLast("ERROR");

                server.restart();
                proxy.upstreamPort(server.port());
                assertThat(provider.getBooleanEvaluation("checkoutEnabled", false, ADA)
                                .getValue())
                        .isTrue();
                events.awaitLast("READY");
                assertThat(events.seen()).containsExactly("READY", "STALE", "ERROR", "READY");
                assertThat(events.client().getProviderState()).isEqualTo(ProviderState.READY);
            }
        }
    }

    @Test
    void stallPastTheDeadlineReturnsTheDefaultWithinTheDeadline() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            CloudProvider provider = new CloudProvider(options(proxy.baseUri())
                    .requestTimeout(Duration.ofMillis(300))
                    .retries(3)
                    .build());
            try {
                proxy.mode(FaultProxy.Mode.STALL);
                long start = System.nanoTime();
                ProviderEvaluation<String> stalled = provider.getStringEvaluation("supportTier", "fallback", ADA);
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(stalled.getValue()).isEqualTo("fallback");
                assertThat(stalled.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
                // a deadline, not a benchmark: a stall would otherwise hang forever
                assertThat(elapsedMillis).isLessThan(3_000);

                proxy.mode(FaultProxy.Mode.FORWARD);
                awaitValue(provider, "standard");
            } finally {
                provider.shutdown();
            }
        }
    }

    /** Issue 7, item 3: one byte every 20 ms defeats every read timeout, never the evaluation's deadline. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Protocol.class)
    void slowDripReturnsTheDefaultWithGeneralOnceTheRequestTimeoutHasPassed(Protocol protocol) throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            CloudProvider provider = new CloudProvider(options(proxy.baseUri())
                    .protocol(protocol)
                    .requestTimeout(Duration.ofMillis(300))
                    .retries(3)
                    .build());
            try {
                proxy.mode(FaultProxy.Mode.DRIP);
                long start = System.nanoTime();
                ProviderEvaluation<String> dripped = provider.getStringEvaluation("supportTier", "fallback", ADA);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

                assertThat(dripped.getValue()).isEqualTo("fallback");
                assertThat(dripped.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
                assertThat(dripped.getErrorMessage()).contains("deadline of 300 ms passed");
                // Idle, the deadline holds within a few milliseconds; a loaded machine gets a second of slack. With
                // a per-read timeout the dripped answer took seconds.
                assertThat(elapsed).isBetween(Duration.ofMillis(300), Duration.ofMillis(300 + 1_000));

                proxy.mode(FaultProxy.Mode.FORWARD);
                awaitValue(provider, "standard");
            } finally {
                provider.shutdown();
            }
        }
    }

    @Test
    void serverErrorsGiveGeneralAndStaleThenReadyWhenAnswersReturn() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            CloudProvider provider = new CloudProvider(options(proxy.baseUri()).build());
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                proxy.mode(FaultProxy.Mode.ERROR_500);
                ProviderEvaluation<Integer> failed = provider.getIntegerEvaluation("maxUploadMb", 7, ADA);
                assertThat(failed.getValue()).isEqualTo(7);
                assertThat(failed.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
                assertThat(failed.getErrorMessage()).contains("500");
                events.awaitLast("STALE");

                proxy.mode(FaultProxy.Mode.RESET);
                assertThat(provider.getIntegerEvaluation("maxUploadMb", 7, ADA).getErrorCode())
                        .isEqualTo(ErrorCode.GENERAL);

                proxy.mode(FaultProxy.Mode.FORWARD);
                assertThat(provider.getIntegerEvaluation("maxUploadMb", 7, ADA).getValue())
                        .isEqualTo(25);
                events.awaitLast("READY");
                assertThat(events.seen()).containsExactly("READY", "STALE", "READY");
            }
        }
    }

    @Test
    void rateLimitIsHonouredUntilRetryAfter() throws Exception {
        try (TestServer server = TestServer.start(dir, 1)) {
            CloudProvider provider = new CloudProvider(options(server.baseUri()).build());
            try {
                ProviderEvaluation<Boolean> first = provider.getBooleanEvaluation("checkoutEnabled", false, ADA);
                ProviderEvaluation<Boolean> limited = provider.getBooleanEvaluation("checkoutEnabled", false, ADA);
                assertThat(first.getValue()).isTrue();
                assertThat(limited.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
                long answered429 = count(server, "429");

                for (int i = 0; i < 20; i++) {
                    ProviderEvaluation<Boolean> meanwhile =
                            provider.getBooleanEvaluation("checkoutEnabled", false, ADA);
                    assertThat(meanwhile.getValue()).isFalse();
                    assertThat(meanwhile.getErrorCode()).isEqualTo(ErrorCode.GENERAL);
                    assertThat(meanwhile.getErrorMessage()).contains("429");
                }
                assertThat(count(server, "429")).isEqualTo(answered429);

                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    clock.advance(Duration.ofSeconds(2));
                    return Boolean.TRUE.equals(provider.getBooleanEvaluation("checkoutEnabled", false, ADA)
                            .getValue());
                });
            } finally {
                provider.shutdown();
            }
        }
    }

    @Test
    void refusedKeyIsFatalAndStopsRequests() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider provider = new CloudProvider(
                    options(server.baseUri()).sdkKey("unknown-key-0000000000").build());
            try (ProviderEvents events = new ProviderEvents(provider, false)) {
                events.awaitLast("ERROR");
                awaitState(events, ProviderState.FATAL);
                long refused = count(server, "401");
                for (int i = 0; i < 5; i++) {
                    ProviderEvaluation<Boolean> e = provider.getBooleanEvaluation("checkoutEnabled", false, ADA);
                    assertThat(e.getErrorCode()).isEqualTo(ErrorCode.PROVIDER_FATAL);
                    assertThat(e.getValue()).isFalse();
                }
                assertThat(count(server, "401")).isEqualTo(refused);
                assertThat(events.client().getProviderState()).isEqualTo(ProviderState.FATAL);
            }
        }
    }

    @Test
    void refusedKeyDuringEvaluationEmitsOneFatalError() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider provider = new CloudProvider(
                    options(server.baseUri()).sdkKey("unknown-key-0000000000").build());
            try (ProviderEvents events = new ProviderEvents(provider, false)) {
                events.awaitLast("ERROR");
                awaitState(events, ProviderState.FATAL);
                provider.getBooleanEvaluation("checkoutEnabled", false, ADA);
                assertThat(events.seen()).containsExactly("ERROR");
            }
        }
    }

    /** Recovery takes a new connection within a 300 ms deadline: a loaded machine may need a few tries. */
    private static void awaitValue(CloudProvider provider, String expected) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> expected.equals(provider.getStringEvaluation("supportTier", "fallback", ADA)
                        .getValue()));
    }

    private static void awaitState(ProviderEvents events, ProviderState state) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(events.client().getProviderState()).isEqualTo(state));
    }

    /** Sums the server's {@code vexilla_http_requests_total} series with the given status. */
    static long count(TestServer server, String status) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.baseUri().resolve("metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return metrics.body()
                .lines()
                .filter(l -> l.startsWith("vexilla_http_requests_total") && l.contains("status=\"" + status + "\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void unreachableServerFailsInitializeAndTheFirstAnswerMakesTheProviderReady() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            proxy.mode(FaultProxy.Mode.RESET);
            CloudProvider provider = new CloudProvider(options(proxy.baseUri())
                    .initializeTimeout(Duration.ofMillis(500))
                    .build());
            try (ProviderEvents events = new ProviderEvents(provider, false)) {
                events.awaitLast("ERROR");
                awaitState(events, ProviderState.ERROR);
                proxy.mode(FaultProxy.Mode.FORWARD);
                assertThat(provider.getBooleanEvaluation("checkoutEnabled", false, ADA)
                                .getValue())
                        .isTrue();
                events.awaitLast("READY");
                awaitState(events, ProviderState.READY);
            }
        }
    }
}
