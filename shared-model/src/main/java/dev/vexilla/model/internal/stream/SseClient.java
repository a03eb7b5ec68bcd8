package dev.vexilla.model.internal.stream;

import dev.vexilla.model.internal.stream.StreamStatus.Cause;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one server-sent events client of both providers: one named daemon thread reads the stream with a blocking
 * {@code InputStream} from a {@link StreamTransport} (each provider supplies one over its own HTTP client) and feeds
 * an {@link EventStreamParser}; a second named daemon thread delivers events and status changes to the
 * {@link StreamListener}, in order. Reading an event's data (for a change stream, a
 * {@link dev.vexilla.model.stream.ChangeMessage}) is the listener's job.
 *
 * <p>Requests carry the options' extra headers, {@code Accept: text/event-stream}, {@code Cache-Control: no-cache},
 * the SDK key as {@code Authorization} (the only place it travels; it wins over an extra header of that name, and
 * with {@link SseClientOptions#sendsAuthorization()} off no {@code Authorization} is sent at all) and, on reconnects,
 * {@code Last-Event-ID}.
 *
 * <p><b>Read timeout.</b> The longest silence tolerated ({@link SseClientOptions#readTimeout()}) is measured on the
 * injected clock by a {@link SilenceWatch} whose check runs on the injected scheduler: a connection attempt and
 * every byte received (heartbeat comments included) count as life, and the request is aborted once the clock shows
 * a whole read timeout without any, whether the response head or the stream is awaited. Tests drive it with a
 * manual clock and scheduler instead of waiting. A transport's socket timeout should be
 * {@link SseClientOptions#socketTimeout()}, twice the read timeout, a backstop should the scheduler not run the
 * check.
 *
 * <p><b>Failure policy.</b>
 * <ul>
 *   <li>I/O errors (refused, reset), end of stream, a read timeout (no byte, not even a heartbeat comment, within
 *       {@link SseClientOptions#readTimeout()}), a 200 that is not {@code text/event-stream}, and the statuses 400,
 *       408, 429 and 5xx: the status becomes {@code DISCONNECTED} and the client reconnects after a jittered
 *       exponential backoff ({@link Backoff}; a server {@code retry} field sets its initial delay, kept between
 *       {@value #MIN_RETRY_MILLIS} ms and the policy's maximum delay; a healthy period of the policy's
 *       {@link BackoffPolicy#resetAfter()} resets it). A partial event is discarded. Logged at WARN on the
 *       first failure after a good connection ("will retry"), at DEBUG for the retries that follow.</li>
 *   <li>401, 403, any other 4xx, 204 No Content, or a closed transport: the status becomes {@code FAILED}, one
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
 * SseClient client = new SseClient(transport, options, listener, Clock.systemUTC(), scheduler);
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

    private final StreamTransport transport;
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
    private volatile StreamTransport.@Nullable Exchange currentExchange;
    private volatile StreamStatus status;
    private boolean warnedSinceConnected;

    /**
     * Creates a client; it connects when {@link #start()} is called.
     *
     * @param transport makes the requests; the caller keeps ownership and closes whatever it holds after this
     *     client
     * @param options the URL, key, read timeout and backoff
     * @param listener receives events and status changes on the listener thread
     * @param clock stamps status changes, measures healthy periods for the backoff and silences for the read timeout
     * @param scheduler runs the read-timeout check (a quick task per read timeout while connected); not shut down
     *     by this client
     */
    public SseClient(
            StreamTransport transport,
            SseClientOptions options,
            StreamListener listener,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this(
                transport,
                options,
                listener,
                clock,
                scheduler,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    SseClient(
            StreamTransport transport,
            SseClientOptions options,
            StreamListener listener,
            Clock clock,
            ScheduledExecutorService scheduler,
            DoubleSupplier random) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = new Backoff(options.backoff(), clock, random);
        this.parser = EventStreamParser.create(new ParserHandler());
        int id = IDS.incrementAndGet();
        String prefix = options.threadNamePrefix();
        this.worker = new ListenerWorker(prefix + "-listener-" + id, options.listenerQueueCapacity());
        this.streamThread = new Thread(this::run, prefix + "-stream-" + id);
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
     * Tells whether the stream thread is running: from {@link #start()} until it stops for good or is closed.
     *
     * @return true while the stream thread is alive
     */
    public boolean isRunning() {
        return streamThread.isAlive();
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
        StreamTransport.Exchange exchange = transport.newExchange(options.uri(), requestHeaders());
        currentExchange = exchange;
        if (closed.get()) {
            exchange.close();
            return Ending.CLOSED;
        }
        SilenceWatch silence = SilenceWatch.start(clock, scheduler, options.readTimeout(), exchange::abort);
        try {
            parser.startNewStream(); // a partial event of the last connection is discarded
            StreamTransport.Response response = exchange.execute();
            silence.activity();
            return read(response, silence);
        } catch (IOException | RuntimeException e) {
            return ending(e, silence.fired());
        } finally {
            currentExchange = null;
            silence.stop();
            exchange.abort(); // drop the connection at once; closing a live chunked stream would drain it first
            exchange.close();
        }
    }

    /** Classifies how a connection attempt failed; {@code silent} when the silence watch aborted it. */
    private Ending ending(Exception e, boolean silent) {
        if (closed.get()) {
            return Ending.CLOSED;
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

    private Map<String, String> requestHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        options.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Last-Event-ID")) {
                headers.put(name, value);
            }
        });
        headers.put("Accept", "text/event-stream");
        headers.put("Cache-Control", "no-cache");
        if (options.sendsAuthorization()) {
            headers.put("Authorization", options.sdkKey());
        }
        String lastEventId = parser.lastEventId();
        if (!lastEventId.isEmpty()) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return headers;
    }

    private Ending read(StreamTransport.Response response, SilenceWatch silence) throws IOException {
        int code = response.status();
        if (code != 200) {
            return Ending.forStatus(code);
        }
        String contentType = response.contentType();
        if (!isEventStream(contentType)) {
            return Ending.recoverable(Cause.BAD_CONTENT_TYPE, code, "expected text/event-stream, got " + contentType);
        }
        onConnected();
        byte[] buffer = new byte[8192];
        try (InputStream in = response.body()) {
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

    /** Tells whether a {@code Content-Type} names {@code text/event-stream}, parameters aside. */
    static boolean isEventStream(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mimeType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mimeType.trim().toLowerCase(Locale.ROOT).equals("text/event-stream");
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
        StreamTransport.Exchange exchange = currentExchange;
        if (exchange != null) {
            exchange.abort();
        }
    }

    private String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.replace(options.sdkKey(), "<sdk key>");
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
            long max = options.backoff().maxDelay().toMillis();
            backoff.setInitialDelay(Duration.ofMillis(Math.max(MIN_RETRY_MILLIS, Math.min(max, millis))));
        }

        @Override
        public void onDiscarded(String reason) {
            LOG.warn("Change stream: {}", reason);
        }
    }
}
