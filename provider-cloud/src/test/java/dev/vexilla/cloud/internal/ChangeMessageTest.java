package dev.vexilla.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the server's {@code refetchConfig} messages. */
final class ChangeMessageTest {

    @Test
    void listedFlagsAreReadSorted() {
        ChangeMessage message = ChangeMessage.parse(
                "{\"type\":\"refetchConfig\",\"etag\":\"e\",\"lastModified\":1,\"flagsChanged\":[\"zeta\",\"alpha\"]}");

        assertThat(message).isNotNull();
        assertThat(message.flagsChanged()).containsExactly("alpha", "zeta");
    }

    @Test
    void anEmptyListMeansNoFlagChanged() {
        ChangeMessage message = ChangeMessage.parse("{\"type\":\"refetchConfig\",\"flagsChanged\":[]}");

        assertThat(message).isNotNull();
        assertThat(message.flagsChanged()).isEmpty();
    }

    @Test
    void withoutAListTheChangedFlagsAreUnknown() {
        ChangeMessage message = ChangeMessage.parse("{\"type\":\"refetchConfig\",\"etag\":\"e\"}");

        assertThat(message).isNotNull();
        assertThat(message.flagsChanged()).isNull();
        assertThat(message).hasToString("ChangeMessage{flagsChanged=unknown}");
    }

    @Test
    void aListThatIsNotAllStringsCountsAsAbsent() {
        assertThat(ChangeMessage.parse("{\"type\":\"refetchConfig\",\"flagsChanged\":[\"a\",1]}"))
                .isEqualTo(ChangeMessage.parse("{\"type\":\"refetchConfig\"}"));
        assertThat(ChangeMessage.parse("{\"type\":\"refetchConfig\",\"flagsChanged\":\"a\"}")
                        .flagsChanged())
                .isNull();
    }

    @Test
    void otherMessagesAndMalformedDataAreNotChanges() {
        assertThat(ChangeMessage.parse("{\"type\":\"somethingElse\",\"flagsChanged\":[\"a\"]}"))
                .isNull();
        assertThat(ChangeMessage.parse("{\"etag\":\"e\"}")).isNull();
        assertThat(ChangeMessage.parse("{not json")).isNull();
        assertThat(ChangeMessage.parse("\"refetchConfig\"")).isNull();
        assertThat(ChangeMessage.parse("")).isNull();
    }
}
