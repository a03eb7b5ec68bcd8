package dev.vexilla.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Relay options: parsing, defaults, detection of the upstream's kind, and errors that name the option, not the key. */
final class RelayOptionsTest {
    static final String VEXILLA_KEY = "relay-key-aaaaaaaaaaaaaaaaaaaa-0001";
    static final String CONFIGCAT_KEY = "configcat-sdk-1/relay-test-aaaaaaaaaa/relay-test-bbbbbbbbbb";
    static final String DEVCYCLE_KEY = "dvc_server_relay_test_0123456789abcdef";

    private static Map<String, String> values(String upstream, String keys) {
        Map<String, String> values = new HashMap<>();
        values.put("upstream", upstream);
        values.put("upstream-keys", keys);
        values.put("port", "8080"); // the server's own options are ignored
        return values;
    }

    @Test
    void parseAppliesTheDefaults() {
        RelayOptions options = RelayOptions.parse(values("https://flags.example.com/", VEXILLA_KEY + "=web"));

        assertThat(options.upstream()).isEqualTo(URI.create("https://flags.example.com"));
        assertThat(options.kind()).isEqualTo(UpstreamKind.VEXILLA);
        assertThat(options.keys()).containsExactly(Map.entry(VEXILLA_KEY, "web"));
        assertThat(options.pollInterval()).isEqualTo(RelayOptions.DEFAULT_POLL_INTERVAL);
        assertThat(options.streamBackstopInterval()).isEqualTo(RelayOptions.DEFAULT_STREAM_BACKSTOP_INTERVAL);
        assertThat(options.requestTimeout()).isEqualTo(RelayOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.eventsUrl()).contains(URI.create("https://flags.example.com"));
        assertThat(options.eventQueueCapacity()).isEqualTo(RelayOptions.DEFAULT_EVENT_QUEUE_CAPACITY);
        assertThat(options.eventBatchSize()).isEqualTo(RelayOptions.DEFAULT_EVENT_BATCH_SIZE);
        assertThat(options.eventFlushInterval()).isEqualTo(RelayOptions.DEFAULT_EVENT_FLUSH_INTERVAL);
        assertThat(options.configCatCdn()).isFalse();
    }

    @Test
    void parseReadsEveryOption() {
        Map<String, String> values = values("http://127.0.0.1:9000", VEXILLA_KEY + "=web");
        values.put("upstream-kind", "DevCycle");
        values.put("upstream-poll-interval", "30s");
        values.put("upstream-backstop-interval", "PT10M");
        values.put("upstream-timeout", "500ms");
        values.put("upstream-events-url", "https://events.example.com");
        values.put("upstream-event-queue", "50");
        values.put("upstream-event-batch", "5");
        values.put("upstream-event-flush-interval", "1m");

        RelayOptions options = RelayOptions.parse(values);

        assertThat(options.kind()).isEqualTo(UpstreamKind.DEVCYCLE);
        assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.streamBackstopInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.eventsUrl()).contains(URI.create("https://events.example.com"));
        assertThat(options.eventQueueCapacity()).isEqualTo(50);
        assertThat(options.eventBatchSize()).isEqualTo(5);
        assertThat(options.eventFlushInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theKindIsDetectedFromTheKeysOrTheHost() {
        assertThat(RelayOptions.parse(values("https://cdn.example.com", DEVCYCLE_KEY + "=shop"))
                        .kind())
                .isEqualTo(UpstreamKind.DEVCYCLE);
        assertThat(RelayOptions.parse(values("https://cdn.example.com", CONFIGCAT_KEY + "=web"))
                        .kind())
                .isEqualTo(UpstreamKind.CONFIGCAT);
        RelayOptions byHost = RelayOptions.parse(values("https://cdn-eu.configcat.com", VEXILLA_KEY + "=web"));
        assertThat(byHost.kind()).isEqualTo(UpstreamKind.CONFIGCAT);
        assertThat(byHost.configCatCdn()).isTrue();
        assertThat(byHost.eventsUrl()).isEmpty();
    }

    @Test
    void keysOfDifferentUpstreamsCannotBeMixedWithoutAKind() {
        Map<String, String> values = values("https://cdn.example.com", DEVCYCLE_KEY + "=a," + CONFIGCAT_KEY + "=b");

        assertThatThrownBy(() -> RelayOptions.parse(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("upstream-kind: cannot be detected");

        values.put("upstream-kind", "vexilla");
        assertThat(RelayOptions.parse(values).kind()).isEqualTo(UpstreamKind.VEXILLA);
    }

    @Test
    void parseKeysAcceptsCommasAndTheKeysFileFormat() {
        String other = "relay-key-bbbbbbbbbbbbbbbbbbbb-0002";

        assertThat(RelayOptions.parseKeys(" " + VEXILLA_KEY + " = web ,, " + other + "=shop"))
                .containsExactly(Map.entry(VEXILLA_KEY, "web"), Map.entry(other, "shop"));
        assertThat(RelayOptions.parseKeys("# relayed keys\n" + VEXILLA_KEY + " = web\n\n" + other + " = shop\n"))
                .containsExactly(Map.entry(VEXILLA_KEY, "web"), Map.entry(other, "shop"));
    }

    @Test
    void badKeysAreReportedByEntryNumberWithoutTheKey() {
        String broken = "relay key with spaces-0000000";

        assertThatThrownBy(
                        () -> RelayOptions.parse(values("https://x.example.com", VEXILLA_KEY + "=a," + broken + "=b")))
                .hasMessageStartingWith("upstream-keys: entry 2: ")
                .hasMessageNotContaining(broken);
        assertThatThrownBy(() -> RelayOptions.parse(values("https://x.example.com", VEXILLA_KEY)))
                .hasMessage("upstream-keys: entry 1: expected '<sdk-key>=<config-name>'");
        assertThatThrownBy(() -> RelayOptions.parse(values("https://x.example.com", VEXILLA_KEY + "=../etc")))
                .hasMessageStartingWith("upstream-keys: entry 1: config name '../etc' must match")
                .hasMessageNotContaining(VEXILLA_KEY);
        assertThatThrownBy(() ->
                        RelayOptions.parse(values("https://x.example.com", VEXILLA_KEY + "=a," + VEXILLA_KEY + "=b")))
                .hasMessage("upstream-keys: entry 2: the key is listed twice");
        assertThatThrownBy(() -> RelayOptions.parse(values("https://x.example.com", "# nothing")))
                .hasMessage("upstream-keys: no key is listed");
    }

    @Test
    void badValuesNameTheirOption() {
        assertThatThrownBy(() -> RelayOptions.parse(Map.of("upstream-keys", VEXILLA_KEY + "=a")))
                .hasMessageStartingWith("upstream: required");
        assertThatThrownBy(() -> RelayOptions.parse(Map.of("upstream", "https://x.example.com")))
                .hasMessageStartingWith("upstream-keys: required");
        assertThatThrownBy(() -> RelayOptions.parse(values("ftp://x.example.com", VEXILLA_KEY + "=a")))
                .hasMessageStartingWith("upstream: must be an http or https URL");
        assertThatThrownBy(() -> RelayOptions.parse(values("https://x.example.com/?k=1", VEXILLA_KEY + "=a")))
                .hasMessageStartingWith("upstream: must be a base URL");
        assertThat(badOption("upstream-kind", "launchdarkly"))
                .isEqualTo("upstream-kind: must be vexilla, configcat or devcycle, was 'launchdarkly'");
        assertThat(badOption("upstream-poll-interval", "soon")).startsWith("upstream-poll-interval: not a duration");
        assertThat(badOption("upstream-poll-interval", "500ms"))
                .isEqualTo("upstream-poll-interval must be >= PT1S, was PT0.5S");
        assertThat(badOption("upstream-timeout", "10ms")).isEqualTo("upstream-timeout must be >= PT0.1S, was PT0.01S");
        assertThat(badOption("upstream-event-queue", "many"))
                .isEqualTo("upstream-event-queue: not a whole number: 'many'");
        assertThat(badOption("upstream-event-batch", "0")).isEqualTo("upstream-event-batch must be >= 1, was 0");
        assertThat(badOption("upstream-events-url", "events")).startsWith("upstream-events-url: must be an http");
        assertThat(badOption("upstream-event-batch", "20000"))
                .isEqualTo("upstream-event-batch must be <= upstream-event-queue (10000), was 20000");
    }

    private static String badOption(String name, String value) {
        Map<String, String> values = values("https://x.example.com", VEXILLA_KEY + "=a");
        values.put(name, value);
        try {
            RelayOptions.parse(values);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).doesNotContain(VEXILLA_KEY);
            return e.getMessage();
        }
        throw new AssertionError(name + "=" + value + " was accepted");
    }

    @Test
    void eventForwardingCanBeTurnedOff() {
        Map<String, String> values = values("https://x.example.com", VEXILLA_KEY + "=a");
        values.put("upstream-events-url", "none");

        assertThat(RelayOptions.parse(values).eventsUrl()).isEmpty();
    }

    @Test
    void aPollIntervalLongerThanTheBackstopWins() {
        RelayOptions options = RelayOptions.builder(URI.create("https://x.example.com"))
                .key(VEXILLA_KEY, "a")
                .pollInterval(Duration.ofHours(1))
                .build();

        assertThat(options.streamBackstopInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void toStringRedactsTheKeys() {
        RelayOptions options = RelayOptions.parse(values("https://x.example.com", VEXILLA_KEY + "=web"));

        assertThat(options.toString()).doesNotContain(VEXILLA_KEY).contains("sdk-****-0001=web");
        assertThat(options).isEqualTo(RelayOptions.parse(values("https://x.example.com", VEXILLA_KEY + "=web")));
    }
}
