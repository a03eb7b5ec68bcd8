package dev.vexilla.examples;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.vexilla.server.ServerOptions;
import dev.vexilla.server.VexillaServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Shows an OpenFeature hook, registered once on the API, seeing the evaluation details of every Vexilla provider the
 * demo registers (one OpenFeature domain each) for the same user and flag.
 *
 * <p>An OpenTelemetry hook is added the same way, {@code api.addHooks(...)}: see {@link TelemetryExample} and
 * {@link TelemetryHook}.
 *
 * @since 0.1.0
 */
public final class HooksExample {
    private HooksExample() {}

    /**
     * Runs the example against an embedded server serving the demo config.
     *
     * @param args ignored
     * @throws IOException if the temporary events file cannot be created
     */
    public static void main(String[] args) throws IOException {
        run(System.out);
    }

    /**
     * Starts an embedded server, registers the demo's providers with a {@link DetailsLoggingHook} writing to
     * {@code out}, evaluates two flags for one pro user through each domain, and stops everything.
     *
     * @param out where the hook writes
     * @throws IOException if the temporary events file cannot be created
     */
    static void run(PrintStream out) throws IOException {
        Path events = Files.createTempFile("vexilla-hooks-", ".jsonl");
        ServerOptions options = ServerOptions.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .eventsSink(events)
                .build();
        try (VexillaServer server = VexillaServer.start(options)) {
            OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
            try {
                api.addHooks(new DetailsLoggingHook(out));
                Map<String, FeatureProvider> sides = Demo.sides(server.baseUri());
                sides.forEach(api::setProviderAndWait);
                ImmutableContext pro = new ImmutableContext(
                        "user-pro-7", Map.of("email", new Value("ada@example.com"), "country", new Value("US")));
                for (String domain : sides.keySet()) {
                    api.getClient(domain).getStringValue("supportTier", "standard", pro);
                    api.getClient(domain).getBooleanValue("newDashboard", false, pro);
                }
            } finally {
                api.shutdown();
            }
        } finally {
            Files.deleteIfExists(events);
        }
    }
}
