package dev.vexilla.local.internal.events;

import static dev.vexilla.model.testsupport.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vexilla.local.internal.events.EventsPoster.Outcome;
import dev.vexilla.local.internal.events.EventsPoster.Result;
import dev.vexilla.local.internal.http.HttpClientFactory;
import dev.vexilla.local.internal.http.HttpClientOptions;
import dev.vexilla.model.testsupport.TcpFaultServer;
import dev.vexilla.model.testsupport.TestHttpServer;
import dev.vexilla.model.testsupport.TestHttpServer.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class EventsPosterTest {
    private static final String SDK_KEY = BatchingEventRecorderTest.SDK_KEY;
    private static final byte[] BODY = "{\"batch\":[]}".getBytes(StandardCharsets.UTF_8);

    private final CloseableHttpClient client = HttpClientFactory.create(HttpClientOptions.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofSeconds(2))
            .build());
    private final TestHttpServer server = TestHttpServer.start();
    private final TcpFaultServer tcp = TcpFaultServer.start();

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        server.close();
        tcp.close();
    }

    private EventsPoster posterFor(URI url) {
        return posterFor(url, Duration.ofSeconds(5));
    }

    private EventsPoster posterFor(URI url, Duration requestTimeout) {
        return new EventsPoster(
                client,
                EventOptions.builder(url, SDK_KEY)
                        .requestTimeout(requestTimeout)
                        .build());
    }

    @ParameterizedTest
    @CsvSource({
        "200, DELIVERED",
        "201, DELIVERED",
        "202, DELIVERED",
        "204, DELIVERED",
        "302, REJECTED",
        "400, REJECTED",
        "404, REJECTED",
        "408, REJECTED",
        "413, REJECTED",
        "429, REJECTED",
        "401, UNAUTHORIZED",
        "403, UNAUTHORIZED",
        "500, RETRYABLE",
        "502, RETRYABLE",
        "503, RETRYABLE"
    })
    void eachStatusIsClassifiedAfterExactlyOneRequest(int status, Outcome expected) {
        server.enqueue(respond(status, status == 204 ? "" : "{\"message\":\"x\"}", "Location", "/elsewhere"));

        Result result = posterFor(server.baseUri()).post(BODY, "id-1");

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.detail()).isEqualTo("HTTP " + status);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theRequestCarriesTheKeyOnlyInAuthorizationAndThePayloadId() {
        server.enqueue(respond(201, ""));

        posterFor(server.baseUri()).post(BODY, "payload-42");
        RecordedRequest request = server.takeRequest();

        assertThat(request.method).isEqualTo("POST");
        assertThat(request.path).isEqualTo("/v1/events/batch");
        assertThat(request.header("Authorization")).isEqualTo(SDK_KEY);
        assertThat(request.header(EventsPoster.PAYLOAD_ID_HEADER)).isEqualTo("payload-42");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aConnectionResetIsRetryable() {
        tcp.enqueue(TcpFaultServer.reset());

        Result result = posterFor(tcp.baseUri()).post(BODY, "id");

        assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
        assertThat(result.detail()).doesNotContain(SDK_KEY);
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Result result = posterFor(URI.create("http://127.0.0.1:" + port)).post(BODY, "id");

        assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
    }

    @Test
    void aServerStalledPastTheRequestTimeoutIsRetryable() {
        tcp.enqueue(TcpFaultServer.stall());

        Result result = posterFor(tcp.baseUri(), Duration.ofMillis(200)).post(BODY, "id");

        assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE);
        assertThat(result.detail()).isEqualTo("SocketTimeoutException");
    }

    @Test
    void aTruncatedResponseIsRetryable() {
        tcp.enqueue(TcpFaultServer.respondRawAndReset("HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"a\""));

        assertThat(posterFor(tcp.baseUri()).post(BODY, "id").outcome()).isEqualTo(Outcome.RETRYABLE);
    }

    @Test
    void aClosedClientIsRejectedWithoutThrowing() throws IOException {
        client.close();

        Result result = posterFor(server.baseUri()).post(BODY, "id");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(server.requestCount()).isZero();
    }
}
