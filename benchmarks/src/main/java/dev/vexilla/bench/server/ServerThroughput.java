package dev.vexilla.bench.server;

import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Measures {@code POST /v1/variables/{key}} and OFREP single-flag evaluation of the bucketing server (embedded demo
 * config) at 1, 8 and 64 keep-alive connections, beside a trivial "hello" handler on a bare Jetty 12 server with the
 * same thread pool (the floor), and prints a Markdown table with requests/s, p50, p99 and the share of the floor.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.vexilla.bench.server.ServerThroughput [--warmup 5s] [--duration 15s]
 *      [--connections 1,8,64]
 * </pre>
 *
 * <p>Targets (issue 6): throughput at least 50 % of the floor's, p99 at most 10 ms at 64 connections. Run it on an
 * otherwise idle machine: client and servers share the same cores, so the numbers are only comparable within one run.
 */
public final class ServerThroughput {
    private static final String USER = "{\"user_id\":\"user-4711\",\"email\":\"ada@vexilla.dev\",\"country\":\"CA\","
            + "\"customData\":{\"plan\":\"gold\"}}";
    private static final String CONTEXT = "{\"context\":{\"targetingKey\":\"user-4711\",\"email\":\"ada@vexilla.dev\","
            + "\"country\":\"CA\",\"plan\":\"gold\"}}";

    private ServerThroughput() {}

    private record Scenario(String name, int port, byte[] request, int status) {}

    /**
     * Runs the measurement and prints the table.
     *
     * @param args {@code --warmup <duration>}, {@code --duration <duration>}, {@code --connections <list>}
     * @throws Exception if a server cannot start
     */
    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(15);
        List<Integer> connections = List.of(1, 8, 64);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--warmup" -> warmup = parse(args[i + 1]);
                case "--duration" -> duration = parse(args[i + 1]);
                case "--connections" ->
                    connections = java.util.Arrays.stream(args[i + 1].split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path events = Files.createTempFile("vexilla-bench-events", ".jsonl");
        Server hello = startHello();
        try (VexillaServer server = VexillaServer.start(ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .eventsSink(events)
                .build())) {
            int helloPort = ((ServerConnector) hello.getConnectors()[0]).getLocalPort();
            List<Scenario> scenarios = List.of(
                    new Scenario("hello (floor)", helloPort, post("/hello", "", USER), 200),
                    new Scenario(
                            "POST /v1/variables/supportTier",
                            server.port(),
                            post("/v1/variables/supportTier", VexillaServer.DEMO_SDK_KEY, USER),
                            200),
                    new Scenario(
                            "OFREP /ofrep/v1/evaluate/flags/supportTier",
                            server.port(),
                            post(
                                    "/ofrep/v1/evaluate/flags/supportTier",
                                    "Bearer " + VexillaServer.DEMO_SDK_KEY,
                                    CONTEXT),
                            200));
            for (Scenario scenario : scenarios) {
                // one shared warm-up first, so that the JIT of client and servers is settled before the first row
                new LoadGenerator(new InetSocketAddress("127.0.0.1", scenario.port()))
                        .run(scenario.request(), scenario.status(), 8, warmup.toMillis(), 0);
            }
            System.out.printf(
                    Locale.ROOT,
                    "Loopback, keep-alive, closed loop; warm-up %s per scenario, then %s per row after %s more;"
                            + " %d cores%n%n",
                    warmup,
                    duration,
                    warmup,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| scenario | connections | requests/s | p50 ms | p99 ms | errors | % of floor |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (int n : connections) {
                double floor = 0;
                for (Scenario scenario : scenarios) {
                    LoadResult r = new LoadGenerator(new InetSocketAddress("127.0.0.1", scenario.port()))
                            .run(scenario.request(), scenario.status(), n, warmup.toMillis(), duration.toMillis());
                    if (floor == 0) {
                        floor = r.throughput();
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %d | %.0f | %.3f | %.3f | %d | %.0f %% |%n",
                            scenario.name(),
                            n,
                            r.throughput(),
                            r.p50Millis(),
                            r.p99Millis(),
                            r.errors(),
                            floor == 0 ? 0 : 100 * r.throughput() / floor);
                }
            }
        } finally {
            hello.stop();
            Files.deleteIfExists(events);
        }
    }

    private static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.parse(text);
    }

    private static byte[] post(String path, String authorization, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(content.length)
                .append("\r\n");
        if (!authorization.isEmpty()) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    /** A bare Jetty 12 server configured like the bucketing server, answering every request with a small JSON. */
    private static Server startHello() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(200, 4);
        pool.setName("hello-http");
        pool.setDaemon(true);
        Server jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        byte[] hello = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, hello.length);
                response.write(true, ByteBuffer.wrap(hello), callback);
                return true;
            }
        });
        jetty.start();
        return jetty;
    }
}
