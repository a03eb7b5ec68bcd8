package dev.vexilla.local.internal.provider;

import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.internal.stream.SseClient;
import dev.vexilla.model.internal.stream.SseClientOptions;
import dev.vexilla.model.internal.stream.SseEvent;
import dev.vexilla.model.internal.stream.StreamListener;
import dev.vexilla.model.internal.stream.StreamStatus;
import dev.vexilla.model.internal.stream.StreamTransport;
import dev.vexilla.model.stream.ChangeMessage;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the server's change stream to the {@link ConfigSynchronizer}: a refetch message ({@link ChangeMessage}, in
 * Vexilla's form or DevCycle's envelope; type {@code refetchConfig} or none) triggers a download (skipped when the
 * message names the ETag already held); the stream's connection state switches polling between the backstop interval
 * (connected) and the normal interval (dropped).
 *
 * <p><b>Failure policy.</b> Reconnecting with backoff is the {@link SseClient}'s job; a stream refused for good
 * (401, 403) leaves polling at the normal interval, which reports the key problem itself. Messages that are not
 * understood are ignored (logged at DEBUG, with where the data is wrong). Going offline or closing stops the stream; going online starts a new one.
 *
 * <p>Thread-safe: start and stop are synchronized; listener calls arrive on the SSE client's listener thread.
 */
final class StreamBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vexilla.local.LocalProvider");

    private final StreamTransport transport;
    private final SseClientOptions options;
    private final ConfigSynchronizer synchronizer;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private @Nullable SseClient client;
    private boolean closed;

    StreamBridge(
            StreamTransport transport,
            SseClientOptions options,
            ConfigSynchronizer synchronizer,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this.transport = transport;
        this.options = options;
        this.synchronizer = synchronizer;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Opens the stream, unless it is open or the bridge is closed. */
    synchronized void start() {
        if (client != null || closed) {
            return;
        }
        SseClient c = new SseClient(transport, options, new Listener(), clock, scheduler);
        client = c;
        c.start();
    }

    /** Closes the stream; polling is fast again. */
    synchronized void stop() {
        SseClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        synchronizer.streamConnected(false);
    }

    @Override
    public synchronized void close() {
        closed = true;
        SseClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    private final class Listener implements StreamListener {
        @Override
        public void onEvent(SseEvent event) {
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
            synchronizer.streamConnected(status.state() == StreamStatus.State.CONNECTED);
        }
    }
}
