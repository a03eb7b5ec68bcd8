package dev.vexilla.model.testsupport;

import dev.vexilla.model.internal.stream.StreamTransport;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StreamTransport} over a plain socket speaking just enough HTTP/1.1 for the stream tests: one request per
 * connection ({@code Connection: close}), a response with {@code Content-Length}, chunked, or read to the end. No
 * retries, no redirects, no pool: what the test server does is exactly what the client sees. {@link #close()} makes
 * later exchanges fail with {@code IllegalStateException}, as a closed HTTP client does.
 */
public final class SocketStreamTransport implements StreamTransport, AutoCloseable {
    private static final int TIMEOUT_MILLIS = 60_000;

    private final AtomicBoolean closed = new AtomicBoolean();
    private final CopyOnWriteArrayList<SocketExchange> open = new CopyOnWriteArrayList<>();

    @Override
    public Exchange newExchange(URI uri, Map<String, String> headers) {
        return new SocketExchange(uri, headers);
    }

    /** Fails every later exchange and drops the open ones. */
    @Override
    public void close() {
        closed.set(true);
        open.forEach(SocketExchange::abort);
    }

    private final class SocketExchange implements Exchange {
        private final URI uri;
        private final Map<String, String> headers;
        private final Socket socket = new Socket();

        SocketExchange(URI uri, Map<String, String> headers) {
            this.uri = uri;
            this.headers = new LinkedHashMap<>(headers);
        }

        @Override
        public Response execute() throws IOException {
            if (closed.get()) {
                throw new IllegalStateException("the transport is closed");
            }
            open.add(this);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("GET " + uri.getRawPath() + " HTTP/1.1\r\n");
            request.append("Host: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readHead(socket.getInputStream());
        }

        @Override
        public void abort() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }

        @Override
        public void close() {
            abort();
            open.remove(this);
        }
    }

    private static Response readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        InputStream body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = new ChunkedInputStream(in);
        } else if (headers.containsKey("content-length")) {
            body = new LimitedInputStream(in, Long.parseLong(headers.get("content-length")));
        } else {
            body = in;
        }
        String contentType = headers.get("content-type");
        return new Response() {
            @Override
            public int status() {
                return status;
            }

            @Override
            public @Nullable String contentType() {
                return contentType;
            }

            @Override
            public InputStream body() {
                return body;
            }
        };
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection ended inside the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads a chunked body; ends at the last chunk. */
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = readLine(in);
                int semicolon = size.indexOf(';');
                left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the connection ended inside a chunk");
            }
            left -= n;
            if (left == 0) {
                readLine(in); // the CRLF after the chunk
            }
            return n;
        }
    }

    /** Reads a body of known length. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
