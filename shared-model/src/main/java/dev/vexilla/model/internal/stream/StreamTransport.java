package dev.vexilla.model.internal.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link SseClient} makes its HTTP GET requests: each provider supplies one over its own HTTP client (with
 * its proxy, pool and connect timeout), so that shared-model needs no HTTP client. The client decides the URL and
 * every header; a transport only carries them.
 *
 * <p>Implementations must be thread-safe: {@link Exchange#abort()} is called from other threads while the stream
 * thread is blocked in {@link Exchange#execute()} or reading the body.
 *
 * @since 0.1.0
 */
public interface StreamTransport {

    /**
     * Prepares one GET request; nothing is sent until {@link Exchange#execute()}.
     *
     * @param uri the absolute URL
     * @param headers the request headers, in order; names as given
     * @return the exchange
     */
    Exchange newExchange(URI uri, Map<String, String> headers);

    /**
     * One request and its response. Used by one stream thread; {@link #abort()} may come from any thread.
     *
     * @since 0.1.0
     */
    interface Exchange extends Closeable {
        /**
         * Sends the request and waits for the response head. Bounded only by the transport's connect timeout and
         * socket timeout; the client aborts it when the silence lasts too long.
         *
         * @return the response; its body is read on the calling thread
         * @throws IOException if the connection fails, is reset or is aborted; a {@code SocketTimeoutException}
         *     means a read timeout, so a connect timeout must surface as another {@code IOException} (for example
         *     {@code java.net.ConnectException})
         * @throws IllegalStateException if the transport is closed for good (the client then stops)
         */
        Response execute() throws IOException;

        /**
         * Drops the connection at once, from any thread: a blocked {@link #execute()} or body read ends with an
         * {@code IOException}. Idempotent; quick and non-blocking.
         */
        void abort();

        /** Releases the response without reading the rest of the body. Idempotent; never throws. */
        @Override
        void close();
    }

    /**
     * The head and body of a response.
     *
     * @since 0.1.0
     */
    interface Response {
        /**
         * Returns the HTTP status code.
         *
         * @return the status
         */
        int status();

        /**
         * Returns the {@code Content-Type} header.
         *
         * @return the header value, or {@code null} when absent
         */
        @Nullable
        String contentType();

        /**
         * Returns the body.
         *
         * @return the body stream, empty when the response has none
         * @throws IOException if the body cannot be opened
         */
        InputStream body() throws IOException;
    }
}
