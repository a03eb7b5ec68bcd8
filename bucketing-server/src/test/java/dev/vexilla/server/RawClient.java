package dev.vexilla.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP client on a raw socket for the slow-client tests: it sends whatever bytes a test gives it, as slowly as the
 * test likes, and a reader thread collects everything the server sends until it closes the connection, noting when
 * the first byte of the answer arrived.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final CompletableFuture<String> closedByServer = new CompletableFuture<>();
    private volatile long firstByteNanos;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "raw-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to the server's port on the loopback address. */
    static RawClient connect(VexillaServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        return new RawClient(socket);
    }

    /** Sends text (ISO-8859-1) at once. */
    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends one more byte; answers false once the server has closed the connection. */
    boolean dribble(char c) {
        try {
            out.write(c);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Tells whether any byte of an answer has arrived. */
    boolean answered() {
        return firstByteNanos != 0;
    }

    /** Returns {@link System#nanoTime()} when the first byte of the answer arrived, 0 before. */
    long firstByteNanos() {
        return firstByteNanos;
    }

    /** Tells whether the server has closed the connection. */
    boolean closedByServer() {
        return closedByServer.isDone();
    }

    /** Waits until the server closes the connection and returns everything it sent. */
    String awaitClose(Duration timeout) throws Exception {
        return closedByServer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void read() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0 && firstByteNanos == 0) {
                    firstByteNanos = System.nanoTime();
                }
                received.write(buffer, 0, n);
            }
            closedByServer.complete(received.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            closedByServer.complete(received.toString(StandardCharsets.ISO_8859_1));
        }
    }
}
