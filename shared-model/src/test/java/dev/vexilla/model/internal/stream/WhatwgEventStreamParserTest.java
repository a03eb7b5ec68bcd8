package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class WhatwgEventStreamParserTest {
    private final RecordingHandler handler = new RecordingHandler();
    private final EventStreamParser parser = EventStreamParser.create(handler);

    private void feed(String text) {
        feedBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void feedBytes(byte[] bytes) {
        parser.feed(bytes, 0, bytes.length);
    }

    private void feedInChunks(byte[] bytes, int chunkSize) {
        for (int i = 0; i < bytes.length; i += chunkSize) {
            parser.feed(bytes, i, Math.min(chunkSize, bytes.length - i));
        }
    }

    @Test
    void dispatchesEventWithTypeDataAndId() {
        feed("event: refetchConfig\ndata: {\"etag\":\"a\"}\nid: 7\n\n");

        assertThat(handler.events).containsExactly(new SseEvent("refetchConfig", "{\"etag\":\"a\"}", "7"));
        assertThat(parser.lastEventId()).isEqualTo("7");
    }

    @Test
    void eventWithoutTypeIsAMessage() {
        feed("data: hello\n\n");

        assertThat(handler.events).containsExactly(new SseEvent("message", "hello", ""));
    }

    @Test
    void dataLinesAreJoinedWithLf() {
        feed("data: one\ndata: two\ndata:\ndata: three\n\n");

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("one\ntwo\n\nthree");
    }

    @Test
    void dataFieldWithoutValueDispatchesAnEmptyEvent() {
        feed("data\n\n");

        assertThat(handler.events).containsExactly(new SseEvent("message", "", ""));
    }

    @Test
    void emptyDataBufferDispatchesNothingAndClearsTheType() {
        feed("event: ignored\n\ndata: x\n\n");

        assertThat(handler.events).containsExactly(new SseEvent("message", "x", ""));
    }

    @Test
    void eventWithoutTrailingBlankLineIsNotDispatched() {
        feed("data: pending\n");

        assertThat(handler.events).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\r\n"})
    void everyLineTerminatorEndsLines(String eol) {
        feed("event: e" + eol + "data: a" + eol + "data: b" + eol + eol + "data: c" + eol + eol);

        assertThat(handler.events).containsExactly(new SseEvent("e", "a\nb", ""), new SseEvent("message", "c", ""));
    }

    @Test
    void crAtEndOfChunkFollowedByLfEndsOneLineOnly() {
        feed("data: a\r");
        feed("\ndata: b\r");
        feed("\n\r");
        feed("\n");

        assertThat(handler.events).containsExactly(new SseEvent("message", "a\nb", ""));
    }

    @Test
    void crAtEndOfChunkFollowedByTextStartsANewLine() {
        feed("data: a\r");
        feed("data: b\r\r");

        assertThat(handler.events).containsExactly(new SseEvent("message", "a\nb", ""));
    }

    @Test
    void bareCrThenLfInLaterChunkIsABlankLineOnlyOnce() {
        feed("data: a\n\r");
        feed("\n");
        feed("data: b\n\n");

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("a", "b");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 64})
    void anyChunkSizeGivesTheSameEvents(int chunkSize) {
        String stream = "\uFEFF: hi\r\nevent: a\r\nid: 1\r\ndata: é€😀\r\n\r\ndata: second\rid:\r\r: beat\n"
                + "retry: 250\ndata: third\n\n";

        feedInChunks(stream.getBytes(StandardCharsets.UTF_8), chunkSize);

        assertThat(handler.events)
                .containsExactly(
                        new SseEvent("a", "é€😀", "1"),
                        new SseEvent("message", "second", ""),
                        new SseEvent("message", "third", ""));
        assertThat(handler.comments).containsExactly(" hi", " beat");
        assertThat(handler.retries).containsExactly(250L);
    }

    @Property(tries = 200)
    void randomChunkingGivesTheSameEventsAsOneChunk(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 9) Integer> chunkSizes) {
        byte[] stream = ("\uFEFFid: 9\nevent: x\ndata: ÄÖÜ 日本語 🎉\r\ndata: line\r\r\n: c\r\ndata: z\n\n")
                .getBytes(StandardCharsets.UTF_8);
        RecordingHandler whole = new RecordingHandler();
        EventStreamParser.create(whole).feed(stream, 0, stream.length);
        RecordingHandler chunked = new RecordingHandler();
        EventStreamParser chunkedParser = EventStreamParser.create(chunked);

        int offset = 0;
        for (int i = 0; offset < stream.length; i++) {
            int size = Math.min(chunkSizes.get(i % chunkSizes.size()), stream.length - offset);
            chunkedParser.feed(stream, offset, size);
            offset += size;
        }

        assertThat(chunked.events).isEqualTo(whole.events).hasSize(2);
        assertThat(chunked.comments).isEqualTo(whole.comments);
    }

    @Test
    void multiByteCharactersSplitByteByByteAreDecoded() {
        byte[] bytes = "data: 𝄞 ü ✓\n\n".getBytes(StandardCharsets.UTF_8);

        feedInChunks(bytes, 1);

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("𝄞 ü ✓");
    }

    @Test
    void malformedUtf8IsReplacedNotFatal() {
        feedBytes(new byte[] {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, '\n', '\n'});

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("\uFFFD");
    }

    @Test
    void byteOrderMarkIsStrippedAtStreamStartEvenWhenSplit() {
        byte[] bytes = "\uFEFFdata: x\n\n".getBytes(StandardCharsets.UTF_8);

        feedInChunks(bytes, 1);

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("x");
    }

    @Test
    void byteOrderMarkIsStrippedOnlyOnce() {
        feed("\uFEFF\uFEFFdata: hidden\n\ndata: seen\n\n");

        // The second BOM makes the first field name unknown, so that line is ignored.
        assertThat(handler.events).extracting(SseEvent::data).containsExactly("seen");
    }

    @Test
    void byteOrderMarkLaterInTheStreamIsKept() {
        feed("data: a\n\n\uFEFFdata: b\n\n");

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("a");
    }

    @Test
    void newStreamStripsByteOrderMarkAgain() {
        feed("data: a\n\n");
        parser.startNewStream();
        feed("\uFEFFdata: b\n\n");

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("a", "b");
    }

    @Test
    void commentsAreReportedButDispatchNothing() {
        feed(":\n: heartbeat\n:no space\n\n");

        assertThat(handler.events).isEmpty();
        assertThat(handler.comments).containsExactly("", " heartbeat", "no space");
    }

    @Test
    void idContainingNulIsIgnored() {
        feed("id: good\ndata: a\n\nid: b\u0000d\ndata: b\n\n");

        assertThat(handler.events).extracting(SseEvent::lastEventId).containsExactly("good", "good");
        assertThat(parser.lastEventId()).isEqualTo("good");
    }

    @Test
    void lastEventIdPersistsAcrossEvents() {
        feed("id: 1\ndata: a\n\ndata: b\n\n");

        assertThat(handler.events).extracting(SseEvent::lastEventId).containsExactly("1", "1");
    }

    @Test
    void emptyIdResetsTheLastEventId() {
        feed("id: 1\ndata: a\n\nid\ndata: b\n\nid: 2\ndata: c\n\nid:\ndata: d\n\n");

        assertThat(handler.events).extracting(SseEvent::lastEventId).containsExactly("1", "", "2", "");
        assertThat(parser.lastEventId()).isEmpty();
    }

    @Test
    void idIsCommittedAtBlankLineEvenWithoutData() {
        feed("id: 5\n\n");

        assertThat(handler.events).isEmpty();
        assertThat(parser.lastEventId()).isEqualTo("5");
    }

    @Test
    void unknownFieldsAreIgnored() {
        feed("foo: bar\nData: no\nevent2: x\ndata: kept\n\n");

        assertThat(handler.events).containsExactly(new SseEvent("message", "kept", ""));
    }

    @Test
    void fieldsWithoutLeadingSpaceAreAccepted() {
        feed("event:e\nid:3\ndata:x\n\n");

        assertThat(handler.events).containsExactly(new SseEvent("e", "x", "3"));
    }

    @Test
    void onlyOneLeadingSpaceIsStripped() {
        feed("data:  two spaces \n\n");

        assertThat(handler.events).extracting(SseEvent::data).containsExactly(" two spaces ");
    }

    @Test
    void valueMayContainColons() {
        feed("data: a:b: c\n\n");

        assertThat(handler.events).extracting(SseEvent::data).containsExactly("a:b: c");
    }

    @Test
    void validRetryIsReported() {
        feed("retry: 3000\nretry:0\n");

        assertThat(handler.retries).containsExactly(3000L, 0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"retry: 10a\n", "retry: -5\n", "retry:\n", "retry: 1.5\n", "retry:  10\n", "retry\n"})
    void invalidRetryIsIgnored(String line) {
        feed(line);

        assertThat(handler.retries).isEmpty();
    }

    @Test
    void newStreamDiscardsPartialEventButKeepsLastEventId() {
        feed("id: 1\ndata: a\n\nid: 2\nevent: half\ndata: partial");
        parser.startNewStream();
        feed("data: fresh\n\n");

        assertThat(handler.events)
                .containsExactly(new SseEvent("message", "a", "1"), new SseEvent("message", "fresh", "1"));
        assertThat(parser.lastEventId()).isEqualTo("1");
    }

    @Test
    void newStreamForgetsAPendingCr() {
        feed("data: a\r");
        parser.startNewStream();
        feed("\ndata: b\n\n");

        // The LF after the reconnect is a blank line of the new stream, not the end of the old CR.
        assertThat(handler.events).extracting(SseEvent::data).containsExactly("b");
    }

    @Test
    void oversizedLineIsDroppedAndReported() {
        RecordingHandler small = new RecordingHandler();
        EventStreamParser limited = new WhatwgEventStreamParser(small, 32);
        byte[] stream = ("data: " + "x".repeat(100) + "\n\ndata: ok\n\n").getBytes(StandardCharsets.UTF_8);

        limited.feed(stream, 0, stream.length);

        assertThat(small.events).extracting(SseEvent::data).containsExactly("ok");
        assertThat(small.discarded).hasSize(1);
    }

    @Test
    void oversizedEventDataIsDroppedAndReported() {
        RecordingHandler small = new RecordingHandler();
        EventStreamParser limited = new WhatwgEventStreamParser(small, 32);
        byte[] stream =
                "data: 0123456789\ndata: 0123456789\ndata: 0123456789\n\ndata: ok\n\n".getBytes(StandardCharsets.UTF_8);

        limited.feed(stream, 0, stream.length);

        assertThat(small.events).extracting(SseEvent::data).containsExactly("ok");
        assertThat(small.discarded).hasSize(1);
    }

    @Test
    void feedChecksItsRange() {
        assertThatThrownBy(() -> parser.feed(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void tinyLimitIsRejected() {
        assertThatThrownBy(() -> new WhatwgEventStreamParser(handler, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLineBytes must be >= 16, was 8");
    }
}
