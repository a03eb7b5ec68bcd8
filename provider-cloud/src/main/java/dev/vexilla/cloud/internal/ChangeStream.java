package dev.vexilla.cloud.internal;

import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.model.internal.stream.Backoff;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import dev.vexilla.model.internal.stream.EventStreamParser;
import dev.vexilla.model.internal.stream.SseEvent;
import java.io.Closeable;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the server's change stream ({@code GET /v1/stream}, server-sent events) and tells a {@link Listener}
 * when the config changed: on every {@code refetchConfig} message, with the keys the message lists in
 * {@code flagsChanged} (or none when it does not list them), and after every (re)connect, since cached answers may be
 * out of date.
 *
 * <p>Requests carry the options' extra headers and the SDK key as {@code Authorization}, which wins over an extra
 * header of that name. The stream is read with shared-model's WHATWG event-stream parser ({@link EventStreamParser}):
 * CR, LF and CRLF line ends, a leading byte order mark, multi-line {@code data}, comments (heartbeats), {@code id}
 * and {@code retry} are honoured as the standard says, and the data of every dispatched event is read as a change
 * message. The reader remembers the last event id (the Vexilla server uses the config's ETag) and sends it as
 * {@code Last-Event-ID} when it reconnects: the server then announces a change made while the reader was away with a
 * {@code refetchConfig} message, and announces nothing when the version is the same.
 *
 * <p><b>Failure policy.</b> A 401/403 stops the stream for good (one WARN). Any other status, an IO error, a read
 * timeout (three missed 30 s heartbeats: 95 s) or the end of the stream makes it reconnect after a jittered backoff
 * ({@link Backoff}: each delay between half and all of a base that starts at 1 s and doubles up to 60 s), reset by a
 * successful connection; a server {@code retry} field sets the starting base, kept within 1 s to 60 s. A partial
 * event cut off by a disconnection is discarded. Malformed and unknown messages, and lines or events over 1 MiB, are
 * ignored (logged at DEBUG); an exception thrown by the listener is logged at DEBUG and does not stop the stream.
 * {@link #close()} stops the reader thread (a named daemon) and closes its connection; it is idempotent. Once it is
 * called the listener is not called again (a call already running finishes).
 */
public final class ChangeStream implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
    static final long MIN_BACKOFF_MILLIS = 1000;
    static final long MAX_BACKOFF_MILLIS = 60_000;
    static final long READ_TIMEOUT_MILLIS = 95_000;
    /** The reconnect delays: from 1 s doubling to 60 s, each between half and all of its base. */
    static final BackoffPolicy BACKOFF = BackoffPolicy.defaults()
            .withInitialDelay(Duration.ofMillis(MIN_BACKOFF_MILLIS))
            .withMaxDelay(Duration.ofMillis(MAX_BACKOFF_MILLIS))
            .withJitter(0.5);

    private final URI uri;
    private final String sdkKey;
    private final Map<String, String> headers;
    private final Listener listener;
    private final CloseableHttpClient client;
    private final Thread thread;
    private volatile boolean closed;
    private volatile @Nullable HttpGet current;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    /** Reconnect delays; used by the reader thread only. */
    private final Backoff backoff;
    /** Keeps the last event id across connections; fed by the reader thread only. */
    private final EventStreamParser parser = EventStreamParser.create(new Messages());

    /**
     * What the stream reports. Both methods are called on the reader thread, one call at a time.
     */
    public interface Listener {
        /** The stream (re)connected: answers obtained before may be out of date. */
        void connected();

        /**
         * The server announced a new version of the config.
         *
         * @param flagsChanged the keys whose evaluation may differ, sorted and unmodifiable (empty when the change
         *     altered no flag), or {@code null} when the server did not say, so every flag may have changed
         */
        void configChanged(@Nullable Set<String> flagsChanged);
    }

    /**
     * Creates the reader; call {@link #start()}.
     *
     * @param options the provider options (base URL, key, connect timeout, proxy)
     * @param listener told about connections and changes, on the reader thread
     */
    public ChangeStream(CloudOptions options, Listener listener) {
        this.uri = options.baseUrl().resolve("v1/stream");
        this.sdkKey = options.sdkKey();
        this.headers = options.headers();
        this.listener = listener;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(
                                        Math.max(1000, options.connectTimeout().toMillis())))
                                .setSocketTimeout(Timeout.ofMilliseconds(READ_TIMEOUT_MILLIS))
                                .build())
                        .setMaxConnTotal(1)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(READ_TIMEOUT_MILLIS))
                        .build())
                .setProxy(proxy(options.proxy()))
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.backoff = new Backoff(BACKOFF, options.clock());
        this.thread = new Thread(this::run, "vexilla-cloud-stream");
        this.thread.setDaemon(true);
    }

    private static @Nullable HttpHost proxy(@Nullable URI proxy) {
        return proxy == null ? null : new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort());
    }

    /** Starts the reader thread. */
    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                readOnce();
            } catch (Exception e) {
                if (!closed) {
                    LOG.debug("Change stream interrupted: {}", e.toString());
                }
            }
            firstAttempt.countDown();
            if (closed) {
                return;
            }
            LockSupport.parkNanos(backoff.nextDelay().toNanos());
        }
    }

    /** Reads one connection until it ends; a connection that opens resets the backoff. */
    private void readOnce() throws Exception {
        HttpGet get = new HttpGet(uri);
        headers.forEach(get::setHeader);
        get.setHeader("Authorization", sdkKey);
        get.setHeader("Accept", "text/event-stream");
        String lastEventId = parser.lastEventId();
        if (!lastEventId.isEmpty()) {
            get.setHeader("Last-Event-ID", lastEventId);
        }
        current = get;
        if (closed) {
            return;
        }
        parser.startNewStream(); // a partial event of the last connection is discarded
        ClassicHttpResponse response = client.executeOpen(null, get, null);
        try {
            int status = response.getCode();
            if (status == 401 || status == 403) {
                LOG.warn("The server refused the change stream (HTTP {}); cached answers expire by TTL only", status);
                closed = true;
                return;
            }
            if (status != 200 || response.getEntity() == null) {
                return;
            }
            backoff.reset();
            tell(Listener::connected);
            firstAttempt.countDown();
            InputStream in = response.getEntity().getContent();
            byte[] buffer = new byte[8192];
            int n;
            while (!closed && (n = in.read(buffer)) >= 0) {
                parser.feed(buffer, 0, n);
            }
        } finally {
            current = null;
            response.close();
        }
    }

    private void tell(Consumer<Listener> call) {
        if (closed) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.debug("A change-stream listener failed", e);
        }
    }

    /**
     * Waits until the first connection attempt has connected (and the listener was told) or failed.
     *
     * @param timeoutMillis the longest wait, in real time
     * @return {@code true} if the first attempt ended in time, {@code false} on timeout or interruption
     */
    public boolean awaitFirstAttempt(long timeoutMillis) {
        try {
            return firstAttempt.await(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Tells whether the reader thread is running.
     *
     * @return {@code true} until closed and the thread ended
     */
    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        firstAttempt.countDown();
        HttpGet open = current;
        if (open != null) {
            open.cancel();
        }
        client.close(CloseMode.IMMEDIATE);
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Turns what the parser finds into listener calls and backoff changes, on the reader thread. */
    private final class Messages implements EventStreamParser.Handler {
        @Override
        public void onEvent(SseEvent event) {
            ChangeMessage message = ChangeMessage.parse(event.data());
            if (message != null) {
                tell(l -> l.configChanged(message.flagsChanged()));
            } else {
                LOG.debug("Ignored a change-stream message that is not a refetchConfig message");
            }
        }

        @Override
        public void onComment(String comment) {
            // Heartbeats keep the read timeout from expiring; there is nothing to do with them.
        }

        @Override
        public void onRetry(long millis) {
            long bounded = Math.max(MIN_BACKOFF_MILLIS, Math.min(MAX_BACKOFF_MILLIS, millis));
            backoff.setInitialDelay(Duration.ofMillis(bounded));
        }

        @Override
        public void onDiscarded(String reason) {
            LOG.debug("Change stream: {}", reason);
        }
    }
}
