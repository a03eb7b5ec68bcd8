package dev.vexilla.server.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies are read up to a limit: declared or streamed past it, the exchange fails and the rest is not read. */
final class BoundedBodyTest {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private FakeUpstream upstream;

    @BeforeEach
    void setUp() throws Exception {
        upstream = new FakeUpstream();
        upstream.serve("/config.json", FakeUpstream.Served.of("{\"f\":{}}", "\"e\""));
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(upstream.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        byte[] body = client.sendAsync(get("/config.json"), BoundedBody.handler(8))
                .get(60, TimeUnit.SECONDS)
                .body();

        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"f\":{}}");
    }

    @Test
    void aDeclaredLengthOverTheLimitFails() {
        assertThatThrownBy(() -> client.sendAsync(get("/config.json"), BoundedBody.handler(7))
                        .get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BoundedBody.TooLargeException.class)
                .hasMessageContaining("body larger than 7 bytes");
    }

    @Test
    void aStreamedBodyGrowingPastTheLimitFails() {
        // The stream path answers with a chunked body that never ends: ": connected\n\n" then nothing.
        assertThatThrownBy(() ->
                        client.sendAsync(get("/sse"), BoundedBody.handler(5)).get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BoundedBody.TooLargeException.class);
        assertThat(RelayHttp.describe(new BoundedBody.TooLargeException(5)))
                .isEqualTo("upstream config rejected: body larger than 5 bytes");
    }
}
