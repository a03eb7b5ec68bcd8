package dev.vexilla.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Reads request bodies without holding a thread while the bytes are on their way, bounded in size and in time.
 *
 * <p>A route checks what it can from the headers (key, rate limit, content type), then hands the rest of its work to
 * {@link #read}: the body is collected from Jetty's {@link Content.Source} with {@code read()}/{@code demand()}, so a
 * client that sends one byte every few seconds costs a connection and the bytes it sent, never a worker thread. The
 * route's continuation runs once, with the whole body, on the thread that delivered the last chunk (the calling
 * thread when the body is already there, as it usually is).
 *
 * <p>Failure policy: a declared {@code Content-Length} over the limit is refused at once and a longer body as soon as
 * it passes the limit (413; nothing past the limit is kept); a body that is not complete within the body deadline
 * (counted from the moment the route asks for it, whatever the client's pace) is 408, as is one the connection's idle
 * timeout interrupts; a body the client breaks off is 400. The continuation receives these as an {@link HttpError}
 * from {@link Body#bytes()}, so each route answers in its own error shape (OFREP's or DevCycle's), and the response
 * says {@code Connection: close}, since the rest of such a body is not read. Nothing is logged: a client decides
 * how often this happens.
 *
 * <p>Thread-safe. The deadline runs on the injected scheduler, which only flags the read as expired; the continuation
 * never runs on the scheduler's thread.
 */
final class RequestBodies {
    /** A body in the continuation: its bytes, or the reason it could not be read. */
    static final class Body {
        private final byte @Nullable [] bytes;
        private final @Nullable HttpError failure;

        private Body(byte @Nullable [] bytes, @Nullable HttpError failure) {
            this.bytes = bytes;
            this.failure = failure;
        }

        /**
         * Returns the complete body.
         *
         * @return the bytes
         * @throws HttpError 413, 408 or 400 when the body could not be read
         */
        byte[] bytes() {
            if (failure != null || bytes == null) {
                throw Objects.requireNonNull(failure);
            }
            return bytes;
        }
    }

    /** What a route does with the body; may block (EdgeDB, the events sink), and answers like a {@link Route}. */
    @FunctionalInterface
    interface Continuation {
        /**
         * Handles the request once its body is read.
         *
         * @param body the body, or its read failure
         * @throws Exception any failure; {@link HttpError} gives its status, anything else 500
         */
        void handle(Body body) throws Exception;
    }

    /** Route code run by an {@link Admission}. */
    @FunctionalInterface
    interface Task {
        /**
         * Runs the code.
         *
         * @throws Exception any failure; {@link HttpError} gives its status, anything else 500
         */
        void run() throws Exception;
    }

    /** Runs route code for a request, within the server's cap on requests in progress ({@link ApiHandler}). */
    @FunctionalInterface
    interface Admission {
        /**
         * Runs {@code task} now, or answers 503 when too many requests are in progress; answers its failures.
         *
         * @param request the request
         * @param response the response
         * @param callback the request's callback
         * @param counted whether the task counts against the cap (false for the answer to a failed read, which only
         *     formats an error and must not be turned into a 503)
         * @param task the route code
         */
        void run(Request request, Response response, Callback callback, boolean counted, Task task);
    }

    private static final int INITIAL_CAPACITY = 1024;

    private final int maxBytes;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final Admission admission;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * Creates the reader.
     *
     * @param maxBytes the largest accepted body
     * @param timeout how long a body may take to arrive
     * @param scheduler runs the deadlines
     * @param admission admits continuations to a worker thread (the server's cap on requests in progress)
     * @param metrics where the number of bodies on their way is reported
     */
    RequestBodies(
            int maxBytes,
            Duration timeout,
            ScheduledExecutorService scheduler,
            Admission admission,
            MetricsRegistry metrics) {
        this.maxBytes = maxBytes;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.admission = Objects.requireNonNull(admission, "admission");
        metrics.gauge(
                "vexilla_http_request_bodies_pending",
                "Request bodies on their way; their requests hold no worker thread meanwhile.",
                List.of(),
                () -> Map.of(List.of(), pending.get()));
    }

    /**
     * Returns the largest accepted body.
     *
     * @return the limit in bytes
     */
    int maxBytes() {
        return maxBytes;
    }

    /**
     * Reads the request body, then runs {@code then} with it. Returns at once when the body is not there yet.
     *
     * @param request the request
     * @param response the response, for the error answer of a failed continuation
     * @param callback the request's callback, completed by {@code then} or by the error answer
     * @param then the rest of the route
     */
    void read(Request request, Response response, Callback callback, Continuation then) {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            finish(request, response, callback, then, null, tooLarge());
            return;
        }
        new Reader(request, response, callback, then).start();
    }

    private HttpError tooLarge() {
        return new HttpError(413, "Request body exceeds the limit of " + maxBytes + " bytes");
    }

    private void finish(
            Request request,
            Response response,
            Callback callback,
            Continuation then,
            byte @Nullable [] bytes,
            @Nullable HttpError failure) {
        if (failure != null) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        admission.run(request, response, callback, failure == null, () -> then.handle(new Body(bytes, failure)));
    }

    /** One body read: the read/demand loop and its deadline. */
    private final class Reader implements Runnable {
        private static final int READING = 0;
        private static final int DONE = 1;
        private static final int EXPIRED = 2;

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Continuation then;
        private final AtomicInteger state = new AtomicInteger(READING);
        private byte[] buffer = new byte[0];
        private int length;
        private @Nullable ScheduledFuture<?> deadline;

        Reader(Request request, Response response, Callback callback, Continuation then) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.then = then;
        }

        void start() {
            pending.incrementAndGet();
            deadline = scheduler.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
            run();
        }

        /** Flags the read as expired and wakes the loop, which answers 408 on its next turn. */
        private void expire() {
            if (state.compareAndSet(READING, EXPIRED)) {
                request.fail(new TimeoutException("request body deadline"));
            }
        }

        @Override
        public void run() {
            while (true) {
                if (state.get() == EXPIRED) {
                    end(timedOut());
                    return;
                }
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    end(chunk.getFailure() instanceof TimeoutException ? timedOut() : broken());
                    return;
                }
                boolean last = chunk.isLast();
                boolean fits = append(chunk.getByteBuffer());
                chunk.release();
                if (!fits) {
                    end(tooLarge());
                    return;
                }
                if (last) {
                    end(null);
                    return;
                }
            }
        }

        private boolean append(ByteBuffer bytes) {
            int n = bytes.remaining();
            if (n > maxBytes - length) {
                return false;
            }
            if (length + n > buffer.length) {
                int capacity = Math.max(INITIAL_CAPACITY, buffer.length * 2);
                buffer = Arrays.copyOf(buffer, Math.min(maxBytes, Math.max(capacity, length + n)));
            }
            bytes.get(buffer, length, n);
            length += n;
            return true;
        }

        private void end(@Nullable HttpError error) {
            HttpError failure = error;
            if (failure == null && !state.compareAndSet(READING, DONE)) {
                failure = timedOut(); // the deadline passed while the last chunk was being read
            }
            state.set(DONE);
            pending.decrementAndGet();
            if (deadline != null) {
                deadline.cancel(false);
            }
            byte[] bytes = failure == null ? Arrays.copyOf(buffer, length) : null;
            buffer = new byte[0];
            finish(request, response, callback, then, bytes, failure);
        }

        private HttpError timedOut() {
            return new HttpError(408, "Request body not received within " + timeout.toMillis() + " ms");
        }

        private HttpError broken() {
            return new HttpError(400, "Request body could not be read");
        }
    }
}
