package dev.vexilla.local.internal.http;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.testsupport.TcpFaultServer;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class HttpClientFactoryTest {
    private final TestHttpServer server = TestHttpServer.start();
    private final TcpFaultServer tcp = TcpFaultServer.start();

    @AfterEach
    void tearDown() {
        server.close();
        tcp.close();
    }

    @Test
    void sendsTheConfiguredUserAgent() throws IOException {
        server.enqueue(respond(204, ""));
        try (CloseableHttpClient client = HttpClientFactory.create(
                HttpClientOptions.builder().userAgent("vexilla-test/9").build())) {
            client.execute(new HttpGet(server.baseUri() + "/x"), response -> response.getCode());
        }

        assertThat(server.takeRequest().header("User-Agent")).isEqualTo("vexilla-test/9");
    }

    @Test
    void retriesAreDisabledEvenForIdempotentRequestsAndRetryAfter() throws IOException {
        server.fallback(respond(503, "", "Retry-After", "1"));
        int code;
        try (CloseableHttpClient client = HttpClientFactory.create(HttpClientOptions.defaults())) {
            code = client.execute(new HttpGet(server.baseUri() + "/x"), response -> response.getCode());
        }

        assertThat(code).isEqualTo(503);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void ioErrorsAreNotRetried() throws IOException {
        tcp.fallback(TcpFaultServer.reset());
        try (CloseableHttpClient client = HttpClientFactory.create(HttpClientOptions.defaults())) {
            assertThatThrownBy(() -> client.execute(new HttpGet(tcp.baseUri() + "/x"), response -> null))
                    .isInstanceOf(IOException.class);
        }

        assertThat(tcp.connectionCount()).isEqualTo(1);
    }

    @Test
    void responseTimeoutBoundsTheWaitForAnAnswer() throws IOException {
        tcp.fallback(TcpFaultServer.stall());
        long started = System.nanoTime();
        try (CloseableHttpClient client = HttpClientFactory.create(HttpClientOptions.builder()
                .responseTimeout(Duration.ofMillis(200))
                .build())) {
            assertThatThrownBy(() -> client.execute(new HttpGet(tcp.baseUri() + "/x"), response -> null))
                    .isInstanceOf(SocketTimeoutException.class);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void requestsGoThroughTheProxy() throws IOException {
        server.enqueue(respond(200, "via proxy"));
        HttpHost proxy = new HttpHost("http", "127.0.0.1", server.baseUri().getPort());
        String body;
        try (CloseableHttpClient client = HttpClientFactory.create(
                HttpClientOptions.builder().proxy(proxy).build())) {
            body = client.execute(
                    new HttpGet("http://config.example.invalid/configuration-files/k/config_v6.json"),
                    response -> new String(response.getEntity().getContent().readAllBytes()));
        }

        assertThat(body).isEqualTo("via proxy");
        assertThat(server.takeRequest().header("Host")).isEqualTo("config.example.invalid");
    }
}
