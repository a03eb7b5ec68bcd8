package dev.vexilla.model.internal.stream;

/**
 * An incremental parser of the {@code text/event-stream} format: it takes bytes in arbitrary chunks and reports
 * events, comments and reconnection times to a {@link Handler}.
 *
 * <p>Implementations are not thread-safe: one stream reader thread feeds one parser. The handler is called on the
 * thread that calls {@link #feed}.
 *
 * @since 0.1.0
 */
public interface EventStreamParser {

    /**
     * Receives what the parser finds in the stream.
     *
     * @since 0.1.0
     */
    interface Handler {
        /**
         * Called for every dispatched event (a blank line after at least one {@code data} field).
         *
         * @param event the event
         */
        void onEvent(SseEvent event);

        /**
         * Called for every comment line (a line starting with a colon), such as a server heartbeat.
         *
         * @param comment the text after the colon, possibly empty
         */
        void onComment(String comment);

        /**
         * Called when the stream sets a new reconnection time with a valid {@code retry} field.
         *
         * @param millis the reconnection time in milliseconds, never negative
         */
        void onRetry(long millis);

        /**
         * Called when the parser drops part of the stream because it is larger than the parser's limit (a line, or
         * an event's data, longer than the limit). The default does nothing.
         *
         * @param reason what was dropped and why, for a log line
         */
        default void onDiscarded(String reason) {}
    }

    /**
     * Creates the WHATWG-conformant parser that reports to the given handler.
     *
     * @param handler receives events, comments and reconnection times
     * @return a new parser at the start of a stream
     */
    static EventStreamParser create(Handler handler) {
        return new WhatwgEventStreamParser(handler, WhatwgEventStreamParser.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * Parses the next chunk of the stream. A chunk may end anywhere: inside a line, between a CR and its LF, or
     * inside a multi-byte UTF-8 character.
     *
     * @param bytes the buffer holding the chunk
     * @param offset where the chunk starts in {@code bytes}
     * @param length how many bytes the chunk has
     * @throws IndexOutOfBoundsException if offset and length do not describe a range of {@code bytes}
     */
    void feed(byte[] bytes, int offset, int length);

    /**
     * Starts a new stream (a reconnection): discards any partial line and partial event, and expects a byte order
     * mark again. The last event id is kept, so it can be sent as {@code Last-Event-ID}.
     */
    void startNewStream();

    /**
     * Returns the last event id: the id of the last dispatched event, or what a stream reset it to.
     *
     * @return the last event id, empty when there is none; never null
     */
    String lastEventId();
}
