package dev.vexilla.local.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class StreamMessageTest {
    @Test
    void refetchWithEtagIsParsed() {
        Optional<StreamMessage> message = StreamMessage.parse("{\"type\":\"refetchConfig\",\"etag\":\"\\\"v7\\\"\"}");

        assertThat(message).isPresent();
        assertThat(message.get().isRefetchConfig()).isTrue();
        assertThat(message.get().etag()).contains("\"v7\"");
    }

    @Test
    void unknownMembersAndNestedValuesAreSkipped() {
        Optional<StreamMessage> message = StreamMessage.parse(
                "{\"v\":2,\"extra\":{\"type\":\"inner\",\"a\":[1,{\"b\":null}]},\"type\":\"refetchConfig\"}");

        assertThat(message)
                .contains(StreamMessage.parse("{\"type\":\"refetchConfig\"}").orElseThrow());
        assertThat(message.get().etag()).isEmpty();
    }

    @Test
    void otherTypesAreKeptButAreNoRefetch() {
        StreamMessage message = StreamMessage.parse("{\"type\":\"ping\"}").orElseThrow();

        assertThat(message.type()).isEqualTo("ping");
        assertThat(message.isRefetchConfig()).isFalse();
    }

    @Test
    void emptyEtagCountsAsNone() {
        assertThat(StreamMessage.parse("{\"type\":\"refetchConfig\",\"etag\":\"\"}")
                        .orElseThrow()
                        .etag())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "refetchConfig",
                "[\"type\"]",
                "{\"etag\":\"x\"}",
                "{\"type\":42}",
                "{\"type\":\"refetchConfig\"",
                "{\"type\":\"refetchConfig\"} trailing",
                "{\"type\":\"refetchConfig\",}"
            })
    void dataThatIsNotAMessageGivesNothing(String data) {
        assertThat(StreamMessage.parse(data)).isEmpty();
    }

    @Test
    void oversizedDataGivesNothing() {
        String data = "{\"type\":\"refetchConfig\",\"pad\":\"" + "x".repeat(StreamMessage.MAX_DATA_LENGTH) + "\"}";

        assertThat(StreamMessage.parse(data)).isEmpty();
    }

    @Test
    void devCyclesEnvelopeIsOpened() {
        StreamMessage message = StreamMessage.parse("{\"id\":\"m1\",\"timestamp\":1,\"channel\":\"c\",\"data\":"
                        + "\"{\\\"type\\\":\\\"refetchConfig\\\",\\\"etag\\\":\\\"e9\\\",\\\"lastModified\\\":17}\","
                        + "\"name\":\"change\"}")
                .orElseThrow();

        assertThat(message.isRefetchConfig()).isTrue();
        assertThat(message.etag()).contains("e9");
    }

    @Test
    void anEnvelopedMessageWithoutTypeIsARefetch_aBareOneIsNothing() {
        StreamMessage enveloped =
                StreamMessage.parse("{\"data\":\"{\\\"etag\\\":\\\"e1\\\"}\"}").orElseThrow();

        assertThat(enveloped.type()).isEmpty();
        assertThat(enveloped.isRefetchConfig()).isTrue();
        assertThat(StreamMessage.parse("{\"etag\":\"e1\"}")).isEmpty();
    }

    @Test
    void anEnvelopeIsOpenedOnceOnly() {
        assertThat(StreamMessage.parse("{\"data\":\"{\\\"data\\\":\\\"{}\\\"}\"}")
                        .orElseThrow()
                        .isRefetchConfig())
                .as("the inner data member is not another envelope")
                .isTrue();
        assertThat(StreamMessage.parse("{\"data\":\"not json\"}")).isEmpty();
    }
}
