package dev.vexilla.model.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny scripted TCP server on a random loopback port for faults a real HTTP server will not produce: resets,
 * stalls, slow drips, truncated bodies and raw bytes. Each accepted connection runs the next scripted behaviour (or the
 * fallback) on its own daemon thread; the request head of each connection is recorded.
 */
public final class TcpFaultServer implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** What to do with one connection. */
    public interface Behaviour {
        void run(Socket socket, TcpFaultServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket serverSocket;
    private final ConcurrentLinkedDeque<Behaviour> script = new ConcurrentLinkedDeque<>();
    private final BlockingQueue<String> requestHeads = new LinkedBlockingQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Behaviour fallback = reset();

    private TcpFaultServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-tcp-accept-" + THREADS.incrementAndGet());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server. */
    public static TcpFaultServer start() {
        try {
            return new TcpFaultServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
    }

    /** Queues behaviours for the next connections, in order. */
    public TcpFaultServer enqueue(Behaviour... behaviours) {
        for (Behaviour b : behaviours) {
            script.addLast(b);
        }
        return this;
    }

    /** Sets the behaviour used once the queue is empty. */
    public TcpFaultServer fallback(Behaviour behaviour) {
        this.fallback = behaviour;
        return this;
    }

    /** Returns how many connections were accepted. */
    public int connectionCount() {
        return connections.get();
    }

    /** Takes the next recorded request head (request line and headers), waiting at most 10 s. */
    public String takeRequestHead() throws InterruptedException {
        String head = requestHeads.poll(10, TimeUnit.SECONDS);
        if (head == null) {
            throw new AssertionError("no request arrived within 10 s");
        }
        return head;
    }

    /** Reads the request head, then resets the connection (RST). */
    public static Behaviour reset() {
        return (socket, server) -> {
            server.readHead(socket);
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Reads the request head, then says nothing until the server closes. */
    public static Behaviour stall() {
        return (socket, server) -> {
            server.readHead(socket);
            server.closed.await();
        };
    }

    /** Reads the request head, writes the raw bytes, then closes the connection. */
    public static Behaviour respondRaw(String raw) {
        return (socket, server) -> {
            server.readHead(socket);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.close();
        };
    }

    /** Reads the request head, writes the raw bytes, then holds the connection open until the server closes. */
    public static Behaviour respondRawAndStall(String raw) {
        return (socket, server) -> {
            server.readHead(socket);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            server.closed.await();
        };
    }

    /** Reads the request head, writes the raw bytes, then resets the connection. */
    public static Behaviour respondRawAndReset(String raw) {
        return (socket, server) -> {
            server.readHead(socket);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /**
     * Reads the request head, then writes the raw bytes one at a time with a pause after each: the slow-drip fault
     * that no read timeout catches. Ends when every byte is written or the client goes away.
     */
    public static Behaviour drip(String raw, Duration pause) {
        return (socket, server) -> {
            server.readHead(socket);
            OutputStream out = socket.getOutputStream();
            for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
                TimeUnit.NANOSECONDS.sleep(pause.toNanos()); // the fault's pace, not a synchronisation
            }
        };
    }

    private void readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        requestHeads.add(head.toString(StandardCharsets.ISO_8859_1));
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            open.add(socket);
            Behaviour behaviour = script.pollFirst();
            Behaviour chosen = behaviour != null ? behaviour : fallback;
            Thread t = new Thread(() -> runQuietly(chosen, socket), "test-tcp-conn-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void runQuietly(Behaviour behaviour, Socket socket) {
        try {
            behaviour.run(socket, this);
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            serverSocket.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
