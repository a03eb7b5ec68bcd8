package dev.vexilla.local.internal.sse;

import dev.vexilla.local.internal.sse.StreamStatus.Cause;
import dev.vexilla.model.internal.stream.Backoff;
import dev.vexilla.model.internal.stream.EventStreamParser;
import dev.vexilla.model.internal.stream.SseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-sent events client over HttpClient 5 classic: one named daemon thread reads the stream with a blocking
 * {@code InputStream} and feeds an {@link EventStreamParser}; a second named daemon thread delivers events and
 * status changes to the {@link StreamListener}, in order.
 *
 * <p>Requests carry {@code Accept: text/event-stream}, {@code Cache-Control: no-cache}, the SDK key as
 * {@code Authorization} (the only place it travels) and, on reconnects, {@code Last-Event-ID}.
 *
 * <p><b>Read timeout.</b> The longest silence tolerated ({@link SseClientOptions#readTimeout()}) is measured on the
 * injected clock by a {@link SilenceWatch} whose check runs on the injected scheduler: a connection attempt and
 * every byte received (heartbeat comments included) count as life, and the request is aborted once the clock shows
 * a whole read timeout without any, whether the response head or the stream is awaited. Tests drive it with a
 * manual clock and scheduler instead of waiting. The socket timeout is twice the read timeout, a backstop should
 * the scheduler not run the check.
 *
 * <p><b>Failure policy.</b>
 * <ul>
 *   <li>I/O errors (refused, reset), end of stream, a read timeout (no byte, not even a heartbeat comment, within
 *       {@link SseClientOptions#readTimeout()}), a 200 that is not {@code text/event-stream}, and the statuses 400,
 *       408, 429 and 5xx: the status becomes {@code DISCONNECTED} and the client reconnects after a jittered
 *       exponential backoff ({@link Backoff}; a server {@code retry} field sets its initial delay, at least
 *       {@value #MIN_RETRY_MILLIS} ms; 60 s connected resets it). A partial event is discarded. Logged at WARN on the
 *       first failure after a good connection ("will retry"), at DEBUG for the retries that follow.</li>
 *   <li>401, 403, any other 4xx, 204 No Content, or a closed HTTP client: the status becomes {@code FAILED}, one
 *       ERROR line is logged and the client stops for good (call {@link #close()} to release the listener
 *       thread).</li>
 *   <li>Malformed stream data cannot break the parser; over-long lines are dropped with a warning. Interpreting an
 *       event's data is the listener's job.</li>
 *   <li>{@link #close()}: aborts the connection at once, no new status is reported, and both threads end; it is
 *       idempotent.</li>
 * </ul>
 * Nothing logged contains the SDK key.
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread, including the listener.
 *
 * <pre>{@code
 * SseClient client = new SseClient(httpClient, options, listener, Clock.systemUTC(), scheduler);
 * client.start();
 * ...
 * client.close();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SseClient implements AutoCloseable {
    /** Shortest reconnect delay a server {@code retry} field can set. */
    public static final long MIN_RETRY_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SseClient.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final CloseableHttpClient http;
    private final SseClientOptions options;
    private final StreamListener listener;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final EventStreamParser parser;
    private final ListenerWorker worker;
    private final Thread streamThread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closeSignal = new CountDownLatch(1);
    private volatile @Nullable HttpGet currentRequest;
    private volatile StreamStatus status;
    private boolean warnedSinceConnected;

    /**
     * Creates a client; it connects when {@link #start()} is called.
     *
     * @param http the HTTP client (see {@code HttpClientFactory}); the caller keeps ownership and closes it after
     *     this client
     * @param options the URL, key, read timeout and backoff
     * @param listener receives events and status changes on the listener thread
     * @param clock stamps status changes, measures healthy periods for the backoff and silences for the read timeout
     * @param scheduler runs the read-timeout check (a quick task per read timeout while connected); not shut down
     *     by this client
     */
    public SseClient(
            CloseableHttpClient http,
            SseClientOptions options,
            StreamListener listener,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this(
                http,
                options,
                listener,
                clock,
                scheduler,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    SseClient(
            CloseableHttpClient http,
            SseClientOptions options,
            StreamListener listener,
            Clock clock,
            ScheduledExecutorService scheduler,
            DoubleSupplier random) {
        this.http = Objects.requireNonNull(http, "http");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = new Backoff(options.backoff(), clock, random);
        this.parser = EventStreamParser.create(new ParserHandler());
        int id = IDS.incrementAndGet();
        this.worker = new ListenerWorker("vexilla-sse-listener-" + id, options.listenerQueueCapacity());
        this.streamThread = new Thread(this::run, "vexilla-sse-stream-" + id);
        this.streamThread.setDaemon(true);
        this.status = StreamStatus.initializing(clock.instant());
    }

    /**
     * Starts connecting on the stream thread; returns at once. Calling it again does nothing.
     *
     * @throws IllegalStateException if the client is closed
     */
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("the stream client is closed");
        }
        if (started.compareAndSet(false, true)) {
            streamThread.start();
        }
    }

    /**
     * Returns the latest status.
     *
     * @return the status, {@code INITIALIZING} before the first connection attempt ends; never null
     */
    public StreamStatus status() {
        return status;
    }

    /**
     * Stops the stream: aborts the connection, ends both threads (waiting up to 5 s for each, unless called from
     * the listener thread) and reports no new status (callbacks already queued still run). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeSignal.countDown();
        abortCurrentRequest();
        if (started.get() && Thread.currentThread() != streamThread) {
            try {
                streamThread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker.shutdown(CLOSE_WAIT_MILLIS);
    }

    private void run() {
        while (!closed.get()) {
            Ending ending = connectAndRead();
            if (closed.get()) {
                return;
            }
            if (ending.permanent) {
                LOG.error("Change stream stopped for good: {}", ending.message);
                report(StreamStatus.failed(ending.cause, ending.httpStatus, ending.message, clock.instant()));
                return;
            }
            Duration delay = backoff.nextDelay();
            logRecoverable(ending, delay);
            report(StreamStatus.disconnected(ending.cause, ending.httpStatus, ending.message, delay, clock.instant()));
            if (awaitClose(delay)) {
                return;
            }
        }
    }

    private Ending connectAndRead() {
        HttpGet get = newRequest();
        currentRequest = get;
        if (closed.get()) {
            return Ending.CLOSED;
        }
        ClassicHttpResponse response = null;
        SilenceWatch silence = SilenceWatch.start(clock, scheduler, options.readTimeout(), get::cancel);
        try {
            parser.startNewStream(); // a partial event of the last connection is discarded
            response = http.executeOpen(null, get, null);
            silence.activity();
            return read(response, silence);
        } catch (IOException | RuntimeException e) {
            return ending(e, silence.fired());
        } finally {
            currentRequest = null;
            silence.stop();
            get.cancel(); // drop the connection at once; closing a live chunked stream would drain it first
            closeQuietly(response);
        }
    }

    /** Classifies how a connection attempt failed; {@code silent} when the silence watch aborted it. */
    private Ending ending(Exception e, boolean silent) {
        if (closed.get()) {
            return Ending.CLOSED;
        }
        if (e instanceof ConnectTimeoutException) { // a SocketTimeoutException, but no silence on the stream
            return Ending.recoverable(Cause.IO_ERROR, 0, "connect timed out");
        }
        // However the abort of a silent connection surfaces, it was a read timeout.
        if (silent || e instanceof SocketTimeoutException) {
            return Ending.recoverable(
                    Cause.READ_TIMEOUT, 0, "no data within the read timeout of " + options.readTimeout());
        }
        if (e instanceof IOException) {
            return Ending.recoverable(Cause.IO_ERROR, 0, describe(e));
        }
        if (e instanceof IllegalStateException) {
            return Ending.permanent(Cause.CLIENT_CLOSED, 0, "the HTTP client is closed");
        }
        return Ending.recoverable(Cause.IO_ERROR, 0, "unexpected " + describe(e));
    }

    private HttpGet newRequest() {
        HttpGet get = new HttpGet(options.uri());
        get.setHeader(HttpHeaders.ACCEPT, "text/event-stream");
        get.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        get.setHeader(HttpHeaders.AUTHORIZATION, options.sdkKey());
        String lastEventId = parser.lastEventId();
        if (!lastEventId.isEmpty()) {
            get.setHeader("Last-Event-ID", lastEventId);
        }
        get.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(backstopMillis(options.readTimeout())))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(
                        options.connectionRequestTimeout().toMillis()))
                .build());
        return get;
    }

    private Ending read(ClassicHttpResponse response, SilenceWatch silence) throws IOException {
        int code = response.getCode();
        if (code != 200) {
            return Ending.forStatus(code);
        }
        HttpEntity entity = response.getEntity();
        String contentType = entity == null ? null : entity.getContentType();
        if (entity == null || !isEventStream(contentType)) {
            return Ending.recoverable(Cause.BAD_CONTENT_TYPE, code, "expected text/event-stream, got " + contentType);
        }
        onConnected();
        byte[] buffer = new byte[8192];
        try (InputStream in = entity.getContent()) {
            while (!closed.get()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return Ending.recoverable(Cause.END_OF_STREAM, code, "the server ended the stream");
                }
                silence.activity(); // before the parser hands anything to the listener
                parser.feed(buffer, 0, n);
            }
        }
        return Ending.CLOSED;
    }

    /** The socket timeout: twice the read timeout, a backstop should the scheduler not run the silence check. */
    private static long backstopMillis(Duration readTimeout) {
        long millis = readTimeout.toMillis();
        return millis > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : millis * 2;
    }

    private static boolean isEventStream(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return ContentType.parse(contentType)
                    .getMimeType()
                    .toLowerCase(Locale.ROOT)
                    .equals("text/event-stream");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void onConnected() {
        backoff.markHealthy();
        if (warnedSinceConnected) {
            LOG.info("Change stream connected again");
        }
        warnedSinceConnected = false;
        report(StreamStatus.connected(clock.instant()));
    }

    private void logRecoverable(Ending ending, Duration delay) {
        if (!warnedSinceConnected) {
            warnedSinceConnected = true;
            LOG.warn("Change stream interrupted ({}), will retry in {} ms", ending.message, delay.toMillis());
        } else {
            LOG.debug("Change stream still interrupted ({}), will retry in {} ms", ending.message, delay.toMillis());
        }
    }

    private void report(StreamStatus newStatus) {
        if (closed.get()) {
            return;
        }
        status = newStatus;
        worker.submit(() -> listener.onStatus(newStatus));
    }

    /** Waits for the delay; returns true if the client was closed meanwhile. */
    private boolean awaitClose(Duration delay) {
        try {
            return closeSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void abortCurrentRequest() {
        HttpGet request = currentRequest;
        if (request != null) {
            request.cancel();
        }
    }

    private String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.replace(options.sdkKey(), "<sdk key>");
    }

    private static void closeQuietly(@Nullable ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            LOG.trace("Ignoring a failure to close an aborted stream response", e);
        }
    }

    /** Receives the parser's findings on the stream thread and hands them to the listener thread. */
    private final class ParserHandler implements EventStreamParser.Handler {
        @Override
        public void onEvent(SseEvent event) {
            if (!closed.get()) {
                worker.submit(() -> listener.onEvent(event));
            }
        }

        @Override
        public void onComment(String comment) {
            if (!closed.get()) {
                worker.submit(() -> listener.onComment(comment));
            }
        }

        @Override
        public void onRetry(long millis) {
            backoff.setInitialDelay(Duration.ofMillis(Math.max(MIN_RETRY_MILLIS, millis)));
        }

        @Override
        public void onDiscarded(String reason) {
            LOG.warn("Change stream: {}", reason);
        }
    }
}
