package dev.vexilla.server;

import dev.vexilla.model.stream.ChangeMessage;

/**
 * The frames a change stream sends to a client that follows a DevCycle config v2, in the shape DevCycle's server SDKs
 * read from DevCycle's own realtime service.
 *
 * <p>A change is one event {@code id: <etag>} whose {@code data} is an envelope object
 * {@code {"id":"<etag>","timestamp":<epoch ms>,"data":"<message>"}}: its {@code data} member is a JSON <em>string</em>
 * holding {@code {"type":"refetchConfig","etag":"<etag>","lastModified":<epoch ms>}} (DevCycle's Node SDK parses the
 * string a second time; its Java SDK reads the envelope itself, finds no {@code type} and re-fetches). Both times are
 * the moment the server accepted the version, truncated to the second, so they equal the {@code Last-Modified} of
 * {@code /config/v2/server/{sdkKey}.json}: DevCycle's Node SDK re-fetches until that header is no older than the
 * message. The heartbeat is the comment {@code : keepalive}, the only comment DevCycle's Java SDK accepts silently
 * (it hands every comment to its message handler, which skips {@code keepalive} and warns about anything else that is
 * not JSON); for the same reason these streams get no {@code retry:} field and no {@code : connected} comment.
 *
 * <p>The bytes of a change come from shared-model's {@link ChangeMessage#toDevCycleSseEvent}, the one definition of
 * the message that the clients read too; this class decides what goes into it (the envelope id is the ETag) and the
 * frames around it. Stateless and thread-safe.
 */
final class DevCycleStreamMessages {
    /** The heartbeat frame. */
    static final String KEEPALIVE = ": keepalive\n\n";

    private DevCycleStreamMessages() {}

    /**
     * Returns the first frame of a new stream: the current version as the event id (so a reconnecting client sends it
     * back as {@code Last-Event-ID}) and a heartbeat, which makes the response start at once.
     *
     * @param config the version served now
     * @return the frame
     */
    static String opening(ServedConfig<?> config) {
        return "id: " + config.etag() + "\n" + KEEPALIVE;
    }

    /**
     * Returns the frame announcing a version.
     *
     * @param config the new version
     * @return the frame, ending in a blank line
     */
    static String refetch(ServedConfig<?> config) {
        long lastModified = lastModifiedMillis(config);
        return ChangeMessage.refetchConfig(config.etag(), lastModified, null)
                .toDevCycleSseEvent(config.etag(), lastModified);
    }

    /**
     * Returns when a version was accepted, truncated to the second as HTTP dates are.
     *
     * @param config the version
     * @return epoch milliseconds, a multiple of 1000
     */
    static long lastModifiedMillis(ServedConfig<?> config) {
        return config.loadedAt().getEpochSecond() * 1000;
    }
}
