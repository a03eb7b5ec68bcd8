package dev.vexilla.local.internal.provider;

import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.internal.stream.SseClient;
import dev.vexilla.model.internal.stream.SseClientOptions;
import dev.vexilla.model.internal.stream.SseEvent;
import dev.vexilla.model.internal.stream.StreamListener;
import dev.vexilla.model.internal.stream.StreamStatus;
import dev.vexilla.model.internal.stream.StreamTransport;
import dev.vexilla.model.stream.ChangeMessage;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the server's change stream to the {@link ConfigSynchronizer}: a refetch message ({@link ChangeMessage}, in
 * Vexilla's form or DevCycle's envelope; type {@code refetchConfig} or none) triggers a download (skipped when the message names the ETag already
 * held); the stream's connection state switches polling between the backstop interval (connected) and the normal
 * interval (dropped, refused, closed).
 *
 * <p>The stream URL is fixed (Vexilla's {@code /v1/stream}), or, as DevCycle's SDKs do, the one each config names:
 * {@link #follow(URI)} moves the stream when a new config names another URL. Until a URL is known nothing is opened.
 *
 * <p><b>Failure policy.</b> Reconnecting with backoff is the {@link SseClient}'s job; a stream refused for good
 * (401, 403) leaves polling at the normal interval, which reports the key problem itself. Messages that are not
 * understood are ignored (logged at DEBUG). Going offline or closing stops the stream; going online starts a new one.
 * Status reports of a stream that was replaced are ignored, so a moved stream cannot slow polling by mistake.
 *
 * <p>Thread-safe: start, stop and follow are synchronized; listener calls arrive on the SSE client's listener thread.
 */
final class StreamBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vexilla.local.LocalProvider");

    private final StreamTransport transport;
    private final Function<URI, SseClientOptions> options;
    private final ConfigSynchronizer synchronizer;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private @Nullable URI uri;
    private @Nullable SseClient client;
    private final AtomicInteger generation = new AtomicInteger();
    private boolean wanted;
    private boolean closed;

    /**
     * Creates a bridge.
     *
     * @param uri the stream URL, or null until {@link #follow(URI)} names one
     * @param options the SSE client's options for a stream URL
     */
    StreamBridge(
            StreamTransport transport,
            @Nullable URI uri,
            Function<URI, SseClientOptions> options,
            ConfigSynchronizer synchronizer,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this.transport = transport;
        this.uri = uri;
        this.options = options;
        this.synchronizer = synchronizer;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Opens the stream, unless it is open, its URL is not known yet, or the bridge is closed. */
    synchronized void start() {
        wanted = true;
        open();
    }

    private void open() {
        URI target = uri;
        if (client != null || closed || !wanted || target == null) {
            return;
        }
        int current = generation.incrementAndGet();
        SseClient c = new SseClient(transport, options.apply(target), new Listener(current), clock, scheduler);
        client = c;
        c.start();
    }

    /**
     * Moves the stream to the URL a new config names; nothing happens when it is the URL in use.
     *
     * @param newUri the stream URL
     */
    synchronized void follow(URI newUri) {
        if (closed || newUri.equals(uri)) {
            return;
        }
        boolean moving = uri != null;
        uri = newUri;
        if (closeClient()) {
            synchronizer.streamConnected(false);
        }
        if (moving) {
            LOG.info("The config names a new change stream; moving to it");
        }
        open();
    }

    /** Closes the stream; polling is fast again. */
    synchronized void stop() {
        wanted = false;
        closeClient();
        synchronizer.streamConnected(false);
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeClient();
    }

    /** Closes the client, if one is open, and disowns its reports; returns whether one was open. */
    private boolean closeClient() {
        SseClient c = client;
        client = null;
        generation.incrementAndGet();
        if (c == null) {
            return false;
        }
        c.close();
        return true;
    }

    private final class Listener implements StreamListener {
        private final int owner;

        Listener(int owner) {
            this.owner = owner;
        }

        @Override
        public void onEvent(SseEvent event) {
            if (owner != generation.get()) {
                return;
            }
            ChangeMessage message;
            try {
                message = ChangeMessage.read(event.data());
            } catch (WirePayloadException e) {
                LOG.debug("Change stream: ignored an event that is not a change message ({})", e.getMessage());
                return;
            }
            if (message.isRefetchConfig()) {
                synchronizer.refetchRequested(message.etag().orElse(null));
            } else {
                LOG.debug("Change stream: ignored a message of type {}", message.type());
            }
        }

        @Override
        public void onStatus(StreamStatus status) {
            if (owner == generation.get()) {
                synchronizer.streamConnected(status.state() == StreamStatus.State.CONNECTED);
            }
        }
    }
}
