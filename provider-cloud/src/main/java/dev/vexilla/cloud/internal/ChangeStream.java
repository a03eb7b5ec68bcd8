package dev.vexilla.cloud.internal;

import dev.vexilla.cloud.CloudOptions;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.internal.stream.ApacheStreamTransport;
import dev.vexilla.model.internal.stream.BackoffPolicy;
import dev.vexilla.model.internal.stream.SseClient;
import dev.vexilla.model.internal.stream.SseClientOptions;
import dev.vexilla.model.internal.stream.SseEvent;
import dev.vexilla.model.internal.stream.StreamListener;
import dev.vexilla.model.internal.stream.StreamStatus;
import dev.vexilla.model.stream.ChangeMessage;
import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the server's change stream ({@code GET /v1/stream}, server-sent events) and tells a {@link Listener}
 * when the config changed: on every refetch message ({@link ChangeMessage}: type {@code refetchConfig}, or none as in
 * DevCycle's envelope), with the keys the message lists in {@code flagsChanged} (or none when it does not list them),
 * and after every (re)connect, since cached answers may be out of date.
 *
 * <p>The stream is shared-model's {@link SseClient} over a one-connection HttpClient 5 client of its own (the
 * options' connect timeout and proxy). Requests carry the options' extra headers and the SDK key as
 * {@code Authorization}, which wins over an extra header of that name. The client remembers the last event id (the
 * Vexilla server uses the config's ETag) and sends it as {@code Last-Event-ID} when it reconnects: the server then
 * announces a change made while the reader was away with a {@code refetchConfig} message, and announces nothing when
 * the version is the same.
 *
 * <p><b>Failure policy</b> (the {@link SseClient}'s). 401, 403, any other 4xx but 400/408/429, and 204 stop the
 * stream for good (one ERROR line; cached answers then expire by their TTL only). 400, 408, 429, 5xx, an IO error,
 * a read timeout (three missed 30 s heartbeats: {@value #READ_TIMEOUT_MILLIS} ms of silence on the options' clock,
 * checked on the provider's scheduler) or the end of the stream make it reconnect after a jittered backoff (each
 * delay between half and all of a base that starts at 1 s and doubles up to 60 s; 60 s connected starts it again); a
 * server {@code retry} field sets the starting base, kept within 100 ms to 60 s. A partial event cut off by a
 * disconnection is discarded. Malformed and unknown messages are ignored (logged at DEBUG, with where the data is
 * wrong); an exception thrown by the listener is logged and does not stop the stream. {@link #close()} stops both
 * threads (named daemons {@code vexilla-cloud-sse-*}) and closes the connection; it is idempotent. Once it is called
 * the listener is not called again (a call already running finishes).
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

    private final Listener listener;
    private final CloseableHttpClient http;
    private final SseClient client;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean closed;

    /**
     * What the stream reports. Both methods are called on the stream's listener thread, one call at a time, in
     * order.
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
     * @param options the provider options (base URL, key, extra headers, connect timeout, proxy, clock)
     * @param scheduler runs the read-timeout check; not shut down by this stream
     * @param listener told about connections and changes, on the listener thread
     */
    public ChangeStream(CloudOptions options, ScheduledExecutorService scheduler, Listener listener) {
        this.listener = listener;
        SseClientOptions.Builder sse = SseClientOptions.builder(
                        options.baseUrl().resolve("v1/stream"), options.sdkKey())
                .readTimeout(Duration.ofMillis(READ_TIMEOUT_MILLIS))
                .backoff(BACKOFF)
                .threadNamePrefix("vexilla-cloud-sse");
        options.headers().forEach(sse::header);
        SseClientOptions streamOptions = sse.build();
        Duration connectTimeout =
                Duration.ofMillis(Math.max(1000, options.connectTimeout().toMillis()));
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                                .setSocketTimeout(Timeout.ofMilliseconds(
                                        streamOptions.socketTimeout().toMillis()))
                                .build())
                        .setMaxConnTotal(1)
                        .build())
                .setProxy(proxy(options.proxy()))
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.client = new SseClient(
                new ApacheStreamTransport(http, streamOptions.socketTimeout(), connectTimeout),
                streamOptions,
                new Events(),
                options.clock(),
                scheduler);
    }

    private static @Nullable HttpHost proxy(@Nullable URI proxy) {
        return proxy == null ? null : new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort());
    }

    /** Starts the stream's threads. */
    public void start() {
        client.start();
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
     * Tells whether the stream is running.
     *
     * @return {@code true} from {@link #start()} until closed or stopped for good
     */
    public boolean isAlive() {
        return client.isRunning();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        firstAttempt.countDown();
        client.close();
        http.close(CloseMode.IMMEDIATE);
    }

    /** Turns the stream client's reports into listener calls, on its listener thread. */
    private final class Events implements StreamListener {
        @Override
        public void onEvent(SseEvent event) {
            ChangeMessage message;
            try {
                message = ChangeMessage.read(event.data());
            } catch (WirePayloadException e) {
                LOG.debug("Ignored a change-stream event that is not a change message ({})", e.getMessage());
                return;
            }
            if (!message.isRefetchConfig()) {
                LOG.debug("Ignored a change-stream message of type {}", message.type());
            } else if (!closed) {
                listener.configChanged(message.flagsChanged().orElse(null));
            }
        }

        @Override
        public void onStatus(StreamStatus status) {
            try {
                if (status.state() == StreamStatus.State.CONNECTED && !closed) {
                    listener.connected();
                }
            } finally {
                firstAttempt.countDown();
            }
        }
    }
}
