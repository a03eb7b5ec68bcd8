package dev.vexilla.server.relay;

import dev.vexilla.model.internal.stream.EventStreamParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * One connection to an upstream's server-sent-events stream, read without a thread of its own: the HTTP client
 * pushes the body's bytes into the {@link EventStreamParser}, which reports events to the key's handler. The
 * callbacks run on the HTTP client's threads; the owner moves them to its worker.
 *
 * <p>Failure policy: a status other than 200 ends the connection at once and is reported through
 * {@link Callbacks#ended(String)} with the status; an I/O error or the end of the body likewise. Nothing is retried
 * here: reconnecting (with backoff) is the owner's job. {@link #close()} cancels the body; it is idempotent.
 */
final class UpstreamStream implements AutoCloseable {

    /** What the stream reports to its owner. Called on HTTP client threads. */
    interface Callbacks {
        /** The upstream answered 200: the stream is open. */
        void opened();

        /**
         * The stream ended or could not be opened.
         *
         * @param reason why, for logs and health; never contains a key
         */
        void ended(String reason);
    }

    private final Object lock = new Object();
    private Flow.@Nullable Subscription subscription;
    private boolean closed;

    private UpstreamStream() {}

    /**
     * Opens a stream.
     *
     * @param client the HTTP client
     * @param request the GET request, headers included
     * @param parser the parser to feed (reset for a new stream here)
     * @param callbacks receives the stream's fate
     * @return the stream, to close
     */
    static UpstreamStream open(HttpClient client, HttpRequest request, EventStreamParser parser, Callbacks callbacks) {
        UpstreamStream stream = new UpstreamStream();
        parser.startNewStream();
        String[] failure = {null};
        client.sendAsync(request, info -> {
                    if (info.statusCode() != 200) {
                        failure[0] = "stream answered HTTP " + info.statusCode();
                        return HttpResponse.BodySubscribers.discarding();
                    }
                    callbacks.opened();
                    return HttpResponse.BodySubscribers.fromSubscriber(stream.new Reader(parser));
                })
                .whenComplete((response, error) -> {
                    if (error != null) {
                        callbacks.ended(RelayHttp.describe(error));
                    } else {
                        callbacks.ended(failure[0] != null ? failure[0] : "stream closed by the upstream");
                    }
                });
        return stream;
    }

    @Override
    public void close() {
        Flow.Subscription toCancel;
        synchronized (lock) {
            closed = true;
            toCancel = subscription;
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    private final class Reader implements Flow.Subscriber<List<ByteBuffer>> {
        private final EventStreamParser parser;

        Reader(EventStreamParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            boolean cancel;
            synchronized (lock) {
                subscription = s;
                cancel = closed;
            }
            if (cancel) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                parser.feed(bytes, 0, bytes.length);
            }
            Flow.Subscription s;
            synchronized (lock) {
                s = subscription;
            }
            if (s != null) {
                s.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            // Reported through the response future.
        }

        @Override
        public void onComplete() {
            // Reported through the response future.
        }
    }
}
