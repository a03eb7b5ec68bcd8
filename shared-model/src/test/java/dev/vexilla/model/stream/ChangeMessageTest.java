package dev.vexilla.model.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.internal.stream.EventStreamParser;
import dev.vexilla.model.internal.stream.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ChangeMessageTest {

    /** What the Vexilla server sends today ({@code StreamHub}). */
    @Nested
    final class VexillaForm {
        @Test
        void everyMemberTheServerSendsIsRead() throws Exception {
            ChangeMessage message = ChangeMessage.read("{\"type\":\"refetchConfig\",\"etag\":\"5f2a\","
                    + "\"lastModified\":1700000000000,\"flagsChanged\":[\"zeta\",\"alpha\"]}");

            assertThat(message.type()).isEqualTo(ChangeMessage.REFETCH_CONFIG);
            assertThat(message.isRefetchConfig()).isTrue();
            assertThat(message.etag()).contains("5f2a");
            assertThat(message.lastModified()).isEqualTo(OptionalLong.of(1_700_000_000_000L));
            assertThat(message.flagsChanged()).contains(Set.of("alpha", "zeta"));
            assertThat(message.flagsChanged().orElseThrow()).containsExactly("alpha", "zeta");
        }

        @Test
        void anEmptyListMeansNoFlagChangedAndNoListMeansUnknown() throws Exception {
            assertThat(ChangeMessage.read("{\"type\":\"refetchConfig\",\"flagsChanged\":[]}")
                            .flagsChanged())
                    .contains(Set.of());
            ChangeMessage unlisted = ChangeMessage.read("{\"type\":\"refetchConfig\",\"etag\":\"e\"}");
            assertThat(unlisted.flagsChanged()).isEmpty();
            assertThat(unlisted)
                    .hasToString("ChangeMessage{type=refetchConfig, etag=e, lastModified=null, flagsChanged=unknown}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[\"a\",1]", "\"a\"", "{\"a\":true}", "null"})
        void aFlagsChangedThatIsNotAnArrayOfStringsCountsAsAbsent(String value) throws Exception {
            ChangeMessage message = ChangeMessage.read("{\"type\":\"refetchConfig\",\"flagsChanged\":" + value + "}");

            assertThat(message).isEqualTo(ChangeMessage.read("{\"type\":\"refetchConfig\"}"));
        }

        @Test
        void unknownMembersAndNestedValuesAreSkipped() throws Exception {
            ChangeMessage message = ChangeMessage.read(
                    "{\"v\":2,\"extra\":{\"type\":\"inner\",\"a\":[1,{\"b\":null}]},\"type\":\"refetchConfig\"}");

            assertThat(message).isEqualTo(ChangeMessage.read("{\"type\":\"refetchConfig\"}"));
        }

        @Test
        void otherTypesAreKeptButAreNoRefetch() throws Exception {
            ChangeMessage message = ChangeMessage.read("{\"type\":\"ping\",\"flagsChanged\":[\"a\"]}");

            assertThat(message.type()).isEqualTo("ping");
            assertThat(message.isRefetchConfig()).isFalse();
        }

        @Test
        void anEmptyEtagCountsAsNone() throws Exception {
            assertThat(ChangeMessage.read("{\"type\":\"refetchConfig\",\"etag\":\"\"}")
                            .etag())
                    .isEmpty();
        }
    }

    /** DevCycle's realtime messages (docs/devcycle.md §6). */
    @Nested
    final class DevCycleForms {
        /** An envelope as DevCycle's SDK tests show it: no type, a quoted etag, lastModified in ms. */
        private static final String ENVELOPE = "{\"id\":\"yATzPE/mOzgY:0\",\"timestamp\":1712853334259,"
                + "\"channel\":\"dvc_server_4fedfbd7_v1\",\"name\":\"change\","
                + "\"data\":\"{\\\"etag\\\":\\\"\\\\\\\"714bc6a9\\\\\\\"\\\",\\\"lastModified\\\":1712853333000}\"}";

        @Test
        void theEnvelopesDataStringIsReadAsTheMessage() throws Exception {
            ChangeMessage message = ChangeMessage.read(ENVELOPE);

            assertThat(message.type()).isEmpty();
            assertThat(message.isRefetchConfig())
                    .as("an absent type means refetch")
                    .isTrue();
            assertThat(message.etag()).contains("\"714bc6a9\"");
            assertThat(message.lastModified()).isEqualTo(OptionalLong.of(1_712_853_333_000L));
            assertThat(message.flagsChanged()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {"refetchConfig|true", "''|true", "someOtherType|false"})
        void theInnerTypeDecidesWhetherItIsARefetch(String type, boolean refetch) throws Exception {
            String inner = "{\\\"type\\\":\\\"" + type + "\\\",\\\"etag\\\":\\\"e1\\\"}";
            ChangeMessage message = ChangeMessage.read("{\"id\":\"1\",\"data\":\"" + inner + "\"}");

            assertThat(message.isRefetchConfig()).isEqualTo(refetch);
            assertThat(message.etag()).contains("e1");
        }

        @Test
        void theFlatFormIsTheInnerObjectDirectly() throws Exception {
            ChangeMessage message =
                    ChangeMessage.read("{\"etag\":\"\\\"714bc6a9\\\"\",\"lastModified\":1712853333000.0}");

            assertThat(message.isRefetchConfig()).isTrue();
            assertThat(message.etag()).contains("\"714bc6a9\"");
            assertThat(message.lastModified()).isEqualTo(OptionalLong.of(1_712_853_333_000L));
        }

        @Test
        void anEnvelopeWhoseDataStringIsNotJsonSaysWhere() {
            assertThatThrownBy(() -> ChangeMessage.read("{\"id\":\"1\",\"data\":\"{not json\"}"))
                    .isInstanceOf(WirePayloadException.class)
                    .hasMessageStartingWith("$.data: malformed JSON at line 1");
            assertThatThrownBy(() -> ChangeMessage.read("{\"data\":\"[1,2]\"}"))
                    .hasMessage("$.data: expected a JSON object");
            assertThatThrownBy(() -> ChangeMessage.read("{\"data\":{\"etag\":\"e\"}}"))
                    .hasMessage("$.data: expected a string");
            assertThatThrownBy(() -> ChangeMessage.read("{\"data\":\"{\\\"data\\\":\\\"{}\\\"}\"}"))
                    .hasMessage("$.data.data: an envelope inside an envelope");
        }
    }

    @Nested
    final class MalformedData {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "''|$: expected a JSON object",
                    "refetchConfig|$: malformed JSON",
                    "[\"type\"]|$: expected a JSON object",
                    "\"refetchConfig\"|$: expected a JSON object",
                    "{\"type\":42}|$.type: expected a string",
                    "{\"type\":null}|$.type: expected a string",
                    "{\"etag\":7}|$.etag: expected a string",
                    "{\"lastModified\":\"yesterday\"}|$.lastModified: expected a number",
                    "{\"lastModified\":99999999999999999999}|$.lastModified: out of range",
                    "{\"lastModified\":1e400}|$.lastModified: out of range",
                    "{\"type\":\"refetchConfig\"|$: malformed JSON",
                    "{\"type\":\"refetchConfig\"} trailing|$: ",
                    "{\"type\":\"refetchConfig\",}|$: malformed JSON"
                })
        void dataThatIsNotAMessageIsAnErrorNamingWhere(String data, String messageStart) {
            assertThatThrownBy(() -> ChangeMessage.read(data))
                    .isInstanceOf(WirePayloadException.class)
                    .hasMessageStartingWith(messageStart);
            assertThat(ChangeMessage.parse(data)).isEmpty();
        }

        @Test
        void errorsNeverRepeatThePayload() {
            assertThatThrownBy(() -> ChangeMessage.read("{\"type\":\"refetchConfig\",\"etag\":\"SECRET-ish\" x}"))
                    .hasMessageNotContaining("SECRET");
        }

        @Test
        void oversizedDataIsRefusedBeforeParsing() {
            String data = "{\"type\":\"refetchConfig\",\"pad\":\"" + "x".repeat(ChangeMessage.MAX_DATA_LENGTH) + "\"}";

            assertThatThrownBy(() -> ChangeMessage.read(data)).hasMessageStartingWith("$: longer than 65536");
            assertThat(ChangeMessage.parse(data)).isEmpty();
        }

        @Test
        void deepNestingIsRefused() {
            String deep = "{\"x\":" + "[".repeat(40) + "]".repeat(40) + ",\"type\":\"refetchConfig\"}";

            assertThat(ChangeMessage.parse(deep)).isEmpty();
        }
    }

    @Nested
    final class Writing {
        private final ChangeMessage message =
                ChangeMessage.refetchConfig("5f2a", 1_700_000_000_000L, List.of("b", "a"));

        @Test
        void vexillasDataLineIsWhatTheServerSendsToday() throws Exception {
            assertThat(message.toJson())
                    .isEqualTo("{\"type\":\"refetchConfig\",\"etag\":\"5f2a\",\"lastModified\":1700000000000,"
                            + "\"flagsChanged\":[\"a\",\"b\"]}");
            assertThat(ChangeMessage.refetchConfig("5f2a", 1L, null).toJson())
                    .isEqualTo("{\"type\":\"refetchConfig\",\"etag\":\"5f2a\",\"lastModified\":1}");
        }

        @Test
        void theSseEventRoundTripsThroughTheStreamParser() throws Exception {
            SseEvent event = parseStream(message.toSseEvent());

            assertThat(event.lastEventId()).isEqualTo("5f2a");
            assertThat(ChangeMessage.read(event.data())).isEqualTo(message);
        }

        @Test
        void devCyclesEnvelopeCarriesItsMembersAndTheMessageAsAString() throws Exception {
            String envelope = message.toDevCycleEnvelope("m-1", 1_712_853_334_259L);

            JsonNode tree = ObjectMappers.shared().readTree(envelope);
            assertThat(tree.path("id").asText()).isEqualTo("m-1");
            assertThat(tree.path("timestamp").asLong()).isEqualTo(1_712_853_334_259L);
            assertThat(tree.path("data").isTextual()).isTrue();
            assertThat(tree.path("data").asText()).isEqualTo(message.toJson());
            assertThat(ChangeMessage.read(envelope)).isEqualTo(message);
        }

        @Test
        void devCyclesSseEventRoundTripsThroughTheStreamParser() throws Exception {
            SseEvent event = parseStream(message.toDevCycleSseEvent("m-1", 1L));

            assertThat(event.lastEventId()).isEqualTo("5f2a");
            assertThat(ChangeMessage.read(event.data())).isEqualTo(message);
        }

        @Test
        void devCyclesSseEventIsWhatTheServerSends() {
            assertThat(ChangeMessage.refetchConfig("5f2a", 1_700_000_000_000L, null)
                            .toDevCycleSseEvent("5f2a", 1_700_000_000_000L))
                    .isEqualTo("id: 5f2a\ndata: {\"id\":\"5f2a\",\"timestamp\":1700000000000,\"data\":"
                            + "\"{\\\"type\\\":\\\"refetchConfig\\\",\\\"etag\\\":\\\"5f2a\\\","
                            + "\\\"lastModified\\\":1700000000000}\"}\n\n");
        }

        @Test
        void aParsedMessageWritesBackTheSameMessage() throws Exception {
            ChangeMessage devCycle = ChangeMessage.read("{\"etag\":\"\\\"q\\\"\",\"lastModified\":5}");

            assertThat(ChangeMessage.read(devCycle.toJson())).isEqualTo(devCycle);
            assertThat(devCycle.toJson()).isEqualTo("{\"etag\":\"\\\"q\\\"\",\"lastModified\":5}");
        }

        @Test
        void anEtagThatWouldBreakTheFramingIsRefused() {
            for (String etag : Arrays.asList("", "a\nid: evil", "a\rb", "a\0b")) {
                assertThatThrownBy(() -> ChangeMessage.refetchConfig(etag, 1L, null))
                        .as("etag %s", etag)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("etag must be non-empty and free of CR, LF and NUL");
            }
        }

        private SseEvent parseStream(String text) {
            List<SseEvent> events = new ArrayList<>();
            EventStreamParser parser = EventStreamParser.create(new EventStreamParser.Handler() {
                @Override
                public void onEvent(SseEvent event) {
                    events.add(event);
                }

                @Override
                public void onComment(String comment) {}

                @Override
                public void onRetry(long millis) {}
            });
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            parser.feed(bytes, 0, bytes.length);
            assertThat(events).hasSize(1);
            return events.get(0);
        }
    }

    @Test
    void parseIsReadWithoutTheError() throws Exception {
        String data = "{\"type\":\"refetchConfig\",\"etag\":\"e\"}";

        assertThat(ChangeMessage.parse(data)).isEqualTo(Optional.of(ChangeMessage.read(data)));
    }
}
