package dev.vexilla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.bench.scenario.BenchConfigs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LoopbackServerTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheScenarioConfigUnderItsKeyOnLoopbackUntilClosed() throws Exception {
        URI base;
        try (LoopbackServer server = LoopbackServer.start()) {
            base = server.baseUri();
            assertThat(base.getHost()).isEqualTo("127.0.0.1");

            HttpResponse<String> config = get(base, LoopbackServer.SDK_KEY);
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.body()).isEqualTo(BenchConfigs.configCatScenarios());
            assertThat(get(base, "vexilla-bench-unknown-key-0001").statusCode()).isEqualTo(404);
        }
        assertThatThrownBy(() -> get(base, LoopbackServer.SDK_KEY)).isInstanceOf(IOException.class);
    }

    private static HttpResponse<String> get(URI base, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("configuration-files/" + key + "/config_v6.json"))
                .timeout(Duration.ofSeconds(5))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
