package dev.vexilla.local.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DevCycleStreamUrlTest {

    @Test
    void hostnameAndPathAreJoined_wherever_sseStands() {
        String json = "{\"project\":{\"sse\":{\"hostname\":\"https://wrong.example\"}},\"features\":[{\"a\":[1,2]}],"
                + "\"sse\":{\"hostname\":\"https://sse.devcycle.com\",\"path\":\"/event-stream?v=1.2&key=abc\","
                + "\"extra\":{\"x\":1}},\"variables\":[]}";

        assertThat(DevCycleStreamUrl.of(json))
                .contains(URI.create("https://sse.devcycle.com/event-stream?v=1.2&key=abc"));
    }

    @Test
    void aHostnameWithoutPathIsTheUrl() {
        assertThat(DevCycleStreamUrl.of("{\"sse\":{\"hostname\":\"http://127.0.0.1:8080/stream\"}}"))
                .contains(URI.create("http://127.0.0.1:8080/stream"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"sse\":null}",
                "{\"sse\":{\"path\":\"/event-stream\"}}",
                "{\"sse\":{\"hostname\":\"sse.devcycle.com\",\"path\":\"/x\"}}",
                "{\"sse\":{\"hostname\":\"ftp://sse.devcycle.com\",\"path\":\"/x\"}}",
                "{\"sse\":{\"hostname\":\"https://sse.devcycle.com\",\"path\":\" bad path\"}}",
                "[1,2]",
                "not json"
            })
    void noUsableStreamIsEmpty(String json) {
        assertThat(DevCycleStreamUrl.of(json)).isEmpty();
    }
}
