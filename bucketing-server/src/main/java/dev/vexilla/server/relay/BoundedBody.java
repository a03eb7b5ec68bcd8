package dev.vexilla.server.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a body that grows past it is cancelled (its connection dropped,
 * the rest never read) and the exchange fails with {@link TooLargeException}. An upstream is trusted with configs,
 * not with the relay's memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** Thrown (as the exchange's failure) when a body exceeds its limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(int limit) {
            super("body larger than " + limit + " bytes");
        }
    }

    private final int limit;
    private final long declared;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.@org.jspecify.annotations.Nullable Subscription subscription;

    private BoundedBody(int limit, long declared) {
        this.limit = limit;
        this.declared = declared;
    }

    /**
     * Returns a body handler whose bodies are bounded.
     *
     * @param limit the most bytes read
     * @return the handler
     */
    static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return info -> new BoundedBody(
                limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit) {
            s.cancel();
            body.completeExceptionally(new TooLargeException(limit));
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (out.size() + buffer.remaining() > limit) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                body.completeExceptionally(new TooLargeException(limit));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(out.toByteArray());
    }
}
