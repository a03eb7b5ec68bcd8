package dev.vexilla.local;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.testsupport.ManualScheduler;
import dev.vexilla.model.testsupport.MutableClock;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Evaluation counters and custom events reach {@code POST {eventsUrl}/v1/events/batch}; shutdown flushes. */
final class LocalProviderEventsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final TestHttpServer http = TestHttpServer.start();
    private final BlockingQueue<String> batches = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() {
        http.close();
    }

    private LocalProvider provider(boolean automatic) throws Exception {
        http.fallback(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v1/events/batch")) {
                try (InputStream in = exchange.getRequestBody()) {
                    batches.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                respond(201, "{}").handle(exchange);
            } else {
                respond(200, TestConfigs.A, "ETag", "\"a\"").handle(exchange);
            }
        });
        LocalProvider provider = new LocalProvider(LocalOptions.builder()
                .sdkKey(TestConfigs.SDK_KEY)
                .baseUrl(http.baseUri())
                .eventsUrl(http.baseUri())
                .eventFlushInterval(Duration.ofSeconds(10))
                .disableAutomaticEventLogging(!automatic)
                .pollingMode(PollingMode.manualPoll())
                .clock(clock)
                .scheduler(scheduler)
                .build());
        provider.initialize(new ImmutableContext());
        return provider;
    }

    @Test
    void countersAndCustomEvents_arePostedOnShutdown_withoutPrivateAttributes() throws Exception {
        LocalProvider provider = provider(true);
        ImmutableContext ctx = new ImmutableContext(
                "user-1",
                Map.of(
                        "privateCustomData",
                        new Value(new dev.openfeature.sdk.MutableStructure().add("secret", "s3cr3t"))));
        for (int i = 0; i < 3; i++) {
            provider.getBooleanEvaluation("boolStatic", false, ctx);
        }
        provider.track("checkout", ctx, new MutableTrackingEventDetails(9.5));

        provider.shutdown();

        String body = batches.poll(10, TimeUnit.SECONDS);
        assertThat(body).isNotNull().contains("boolStatic").contains("checkout").contains("user-1");
        assertThat(body).doesNotContain("s3cr3t");
        assertThat(http.requestCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withAutomaticEventsOff_onlyCustomEventsAreSent() throws Exception {
        LocalProvider provider = provider(false);
        provider.getBooleanEvaluation("boolStatic", false, new ImmutableContext("user-2"));
        provider.track("signup", new ImmutableContext("user-2"), null);

        provider.shutdown();

        String body = batches.poll(10, TimeUnit.SECONDS);
        assertThat(body).isNotNull().contains("signup").doesNotContain("boolStatic");
    }
}
