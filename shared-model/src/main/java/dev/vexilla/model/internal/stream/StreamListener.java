package dev.vexilla.model.internal.stream;

/**
 * Receives what an {@link SseClient} sees. All calls come, in order, from the client's one listener worker thread,
 * never from its I/O thread; they must return quickly. An exception thrown here is logged and otherwise ignored.
 *
 * @since 0.1.0
 */
public interface StreamListener {
    /**
     * Called for every event the server sends.
     *
     * @param event the event
     */
    void onEvent(SseEvent event);

    /**
     * Called when the stream connects, disconnects (it will reconnect) or fails for good.
     *
     * @param status the new status
     */
    void onStatus(StreamStatus status);

    /**
     * Called for every comment line, such as a server heartbeat. The default does nothing.
     *
     * @param comment the text after the colon
     */
    default void onComment(String comment) {}
}
