package dev.vexilla.cloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted TCP proxy in front of a real server: it forwards, stalls (accepts and never answers), resets
 * connections, answers every request with a 500 or with a canned answer ({@link #answer(int, String)}), or drips the
 * server's answers (one byte every {@link #DRIP_INTERVAL_MILLIS} ms, so that no read timeout ever fires). Changing the
 * mode closes every open connection, so pooled client connections see the change at once. The heads of the requests
 * it forwards are kept ({@link #forwardedRequests()}), so tests can check what a client sent.
 */
final class FaultProxy implements AutoCloseable {
    enum Mode {
        FORWARD,
        STALL,
        RESET,
        ERROR_500,
        /** Every request gets the answer set by {@link FaultProxy#answer(int, String)}. */
        CANNED,
        DRIP
    }

    /** The pause between two bytes of a dripped answer. */
    static final long DRIP_INTERVAL_MILLIS = 20;

    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile int upstreamPort;
    private volatile Mode mode = Mode.FORWARD;
    private volatile int cannedStatus = 500;
    private volatile String cannedBody = "";
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final Map<Mode, AtomicInteger> accepted = new EnumMap<>(Mode.class);

    FaultProxy(int upstreamPort) throws IOException {
        for (Mode m : Mode.values()) {
            accepted.put(m, new AtomicInteger());
        }
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    void mode(Mode newMode) {
        mode = newMode;
        closeAll();
    }

    /**
     * Answers every request from now on with {@code status} and {@code body} (as {@code application/json}, whatever
     * it holds), closing the open connections.
     */
    void answer(int status, String body) {
        cannedStatus = status;
        cannedBody = body;
        mode(Mode.CANNED);
    }

    /**
     * Returns how many connections were accepted while {@code m} was the mode: a test that changed the mode can wait
     * until a client really met the fault, not a pooled connection the change closed.
     */
    int accepted(Mode m) {
        return accepted.get(m).get();
    }

    /** Returns the request lines and headers forwarded so far, oldest first, one string per request. */
    List<String> forwardedRequests() {
        return List.copyOf(forwarded);
    }

    void upstreamPort(int port) {
        upstreamPort = port;
        closeAll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Mode m = mode;
                accepted.get(m).incrementAndGet();
                threads.execute(() -> handle(client, m));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Mode m) {
        try {
            switch (m) {
                case RESET:
                    client.setSoLinger(true, 0);
                    client.close();
                    break;
                case STALL:
                    client.getInputStream().transferTo(OutputStream.nullOutputStream());
                    break;
                case ERROR_500:
                    answer(client, 500, "{\"statusCode\":500,\"message\":\"Internal server error\"}");
                    break;
                case CANNED:
                    answer(client, cannedStatus, cannedBody);
                    break;
                case DRIP:
                    forward(client, true);
                    break;
                default:
                    forward(client, false);
            }
        } catch (IOException ignored) {
            // the connection ends; the client sees what a broken server would show
        } finally {
            close(client);
        }
    }

    private static void answer(Socket client, int status, String text) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        while (true) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            in.readNBytes(contentLength(head));
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 " + status + " Canned\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private void forward(Socket client, boolean drip) throws IOException {
        Socket upstream;
        try {
            upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        } catch (IOException refused) {
            return;
        }
        open.add(upstream);
        threads.execute(() -> {
            if (drip) {
                drip(upstream, client);
            } else {
                pump(upstream, client);
            }
        });
        forwardRequests(client, upstream);
    }

    /** Relays the client's requests to the server, keeping each request's head. */
    private void forwardRequests(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            String head;
            while ((head = readHead(in)) != null) {
                forwarded.add(head);
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(in.readNBytes(contentLength(head)));
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    /** Relays the server's bytes one at a time, pausing between them: the slow-drip fault. */
    private void drip(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                out.write(b);
                out.flush();
                TimeUnit.MILLISECONDS.sleep(DRIP_INTERVAL_MILLIS); // the fault's pace, not a synchronisation
            }
        } catch (IOException ignored) {
            // one side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(from);
            close(to);
        }
    }

    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void closeAll() {
        for (Socket s : open) {
            close(s);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeAll();
        threads.shutdownNow();
    }
}
