package dev.vexilla.contract.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in {@code deploy/}, exercised for real (docs/guide/deployment.md).
 *
 * <p>Docker is not needed: the compose file is read and the same processes are started here, {@code redis-server}
 * with the compose command and two {@code java -jar vexilla-server.jar} with each service's exact environment and
 * the Dockerfile's JVM flags ({@link ComposePlan} says what is substituted and refuses anything it cannot
 * reproduce). Then propagation in both directions, failover when an instance is killed, Redis stopped (the instance
 * keeps serving its last good config, reports not ready, refuses writes with 503) and restarted (it resyncs), and a
 * restarted instance loading the current configs. Every process's output goes to
 * {@code contract-tests/target/deploy-it/} and is quoted when the test fails.
 */
final class DeployComposeIT {
    private static final Path ROOT = Path.of(System.getProperty("vexilla.deploy.root", ".."));
    private static final Path JAR = Path.of(System.getProperty(
            "vexilla.server.jar",
            ROOT.resolve("bucketing-server/target/vexilla-server.jar").toString()));
    private static final Path LOGS = Path.of(System.getProperty("vexilla.deploy.logs", "target/deploy-it"));

    private static final Path COMPOSE = ROOT.resolve("deploy/compose/compose.yaml");
    private static final Path DOCKERFILE = ROOT.resolve(ComposePlan.DOCKERFILE);
    private static final Path UNIT = ROOT.resolve("deploy/systemd/vexilla-server.service");
    private static final Path ENV_FILE = ROOT.resolve("deploy/systemd/vexilla-server.env");
    private static final Path GUIDE = ROOT.resolve("docs/guide/deployment.md");
    /** Where the Dockerfile puts the jar; its entry point must run it with no arguments. */
    private static final String IMAGE_JAR = "/opt/vexilla/vexilla-server.jar";

    private static final String ADMIN_TOKEN = "deploy-it-admin-token-7c1e9a40b2d35f68";
    private static final String SDK_KEY = "deploy-it-sdk-key-5b8e2c0f7a9d1346";
    private static final String CONFIG_NAME = "production";
    private static final String CONFIG =
            "{\"p\":{\"s\":\"deploy-salt\"},\"f\":{\"banner\":{\"t\":1,\"v\":{\"s\":\"%s\"}}}}";

    /** Bound on a JVM or redis-server starting on a busy machine; never a performance expectation. */
    private static final Duration START = Duration.ofSeconds(120);
    /** Bound on a change reaching another instance, or a state change being noticed. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path temp;

    @Test
    void composeFile_runWithoutDocker_propagatesChangesAndSurvivesFailover() throws Exception {
        assertThat(JAR)
                .as(
                        "the server jar is missing; build it with the reactor: mvn -o -B verify -pl contract-tests -am"
                                + " (bucketing-server's package phase writes %s)",
                        JAR)
                .isRegularFile();
        ComposePlan plan = ComposePlan.from(compose());
        List<String> jvmFlags = dockerfileJvmFlags();
        Path redisDir = Files.createDirectories(temp.resolve("redis-data"));
        int redisPort = Processes.freePort();
        ComposePlan.Server a = plan.servers().get(0);
        ComposePlan.Server b = plan.servers().get(1);
        int portA = Processes.freePort();
        int portB = Processes.freePort();

        try (Processes processes =
                new Processes(LOGS.resolve("compose-" + ProcessHandle.current().pid()))) {
            try {
                Processes.Started redis = startRedis(processes, plan, redisPort, redisDir);
                Processes.Started serverA = startServer(processes, plan, a, jvmFlags, redisPort, portA);
                startServer(processes, plan, b, jvmFlags, redisPort, portB);
                Instance instanceA = new Instance(a, portA);
                Instance instanceB = new Instance(b, portB);

                // Both up on an empty store: alive, not ready (nothing to serve yet).
                for (Instance instance : List.of(instanceA, instanceB)) {
                    await(instance.name() + " answers /healthz")
                            .atMost(START)
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> status(instance.get("/healthz")) == 200);
                    assertThat(instance.answer(instance.healthPath()).statusCode())
                            .as("%s before any config is written", instance.name())
                            .isEqualTo(503);
                }

                // A config and a key written through A: B serves them, both become ready.
                HttpResponse<String> created = instanceA.admin("PUT", "/admin/v1/configs/" + CONFIG_NAME, config("v1"));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String etag1 = etag(created);
                HttpResponse<String> key = instanceA.admin(
                        "POST",
                        "/admin/v1/keys",
                        "{\"sdkKey\":\"" + SDK_KEY + "\",\"config\":\"" + CONFIG_NAME + "\"}");
                assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
                for (Instance instance : List.of(instanceA, instanceB)) {
                    awaitServes(instance, etag1, "v1");
                    assertThat(instance.answer(instance.healthPath()).statusCode())
                            .isEqualTo(200);
                }

                // An update through B reaches A.
                HttpResponse<String> updated = instanceB.admin("PUT", "/admin/v1/configs/" + CONFIG_NAME, config("v2"));
                assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
                String etag2 = etag(updated);
                assertThat(etag2).isNotEqualTo(etag1);
                awaitServes(instanceA, etag2, "v2");
                awaitServes(instanceB, etag2, "v2");

                // Failover: A dies without a word; B serves on.
                serverA.process().destroyForcibly();
                assertThat(serverA.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                        .isTrue();
                assertThat(status(instanceA.get("/healthz"))).isEqualTo(-1);
                assertServes(instanceB, etag2, "v2");

                // Redis stops: B keeps its last good config, reports not ready and refuses writes.
                redis.process().destroy();
                assertThat(redis.process().waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                        .as("redis-server stops on SIGTERM")
                        .isTrue();
                await("B reports the config store unreachable")
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> status(instanceB.get(instanceB.healthPath())) == 503);
                HttpResponse<String> notReady = instanceB.answer(instanceB.healthPath());
                assertThat(JSON.readTree(notReady.body()).path("reason").asText())
                        .as(notReady.body())
                        .contains("config store");
                assertThat(instanceB.answer("/healthz").statusCode())
                        .as("B is alive")
                        .isEqualTo(200);
                assertServes(instanceB, etag2, "v2");
                HttpResponse<String> refused =
                        instanceB.admin("PUT", "/admin/v1/configs/" + CONFIG_NAME, config("lost"));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertServes(instanceB, etag2, "v2");

                // Redis back on the same port and data directory: B resyncs and takes writes again.
                startRedis(processes, plan, redisPort, redisDir);
                await("B ready again")
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> status(instanceB.get(instanceB.healthPath())) == 200);
                HttpResponse<String> afterOutage =
                        instanceB.admin("PUT", "/admin/v1/configs/" + CONFIG_NAME, config("v3"));
                assertThat(afterOutage.statusCode()).as(afterOutage.body()).isEqualTo(200);
                String etag3 = etag(afterOutage);
                assertThat(etag3).isNotIn(etag1, etag2);
                awaitServes(instanceB, etag3, "v3");

                // A restarted on its port loads the current state from Redis, including what it never saw.
                startServer(processes, plan, a, jvmFlags, redisPort, portA);
                await("A restarted and ready")
                        .atMost(START)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> status(instanceA.get(instanceA.healthPath())) == 200);
                assertServes(instanceA, etag3, "v3");
            } catch (Throwable failure) {
                throw new AssertionError(failure.getMessage() + "\nProcess logs:" + processes.logs(), failure);
            }
        }
    }

    @Test
    void composePlan_refusesSettingsItCannotReproduce() throws Exception {
        JsonNode compose = compose();
        ComposePlan.from(compose);

        ObjectNode extraVariable = compose.deepCopy();
        ((ObjectNode) extraVariable.path("services").path("vexilla-b").path("environment"))
                .put("VEXILLA_RATE_LIMIT", "100");
        assertThatThrownBy(() -> ComposePlan.from(extraVariable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VEXILLA_RATE_LIMIT");

        ObjectNode extraKey = compose.deepCopy();
        ((ObjectNode) extraKey.path("services").path("vexilla-a")).put("entrypoint", "sh");
        assertThatThrownBy(() -> ComposePlan.from(extraKey)).hasMessageContaining("entrypoint");

        ObjectNode writtenToken = compose.deepCopy();
        ((ObjectNode) writtenToken.path("services").path("vexilla-a").path("environment"))
                .put("VEXILLA_ADMIN_TOKEN", "a-token-written-in-the-file");
        assertThatThrownBy(() -> ComposePlan.from(writtenToken)).hasMessageContaining("VEXILLA_ADMIN_TOKEN");

        ObjectNode otherRedis = compose.deepCopy();
        ((ObjectNode) otherRedis.path("services").path("vexilla-a").path("environment"))
                .put("VEXILLA_EDGEDB_URL", "redis://elsewhere:6379/1");
        assertThatThrownBy(() -> ComposePlan.from(otherRedis)).hasMessageContaining("VEXILLA_EDGEDB_URL");
    }

    @Test
    void deployFiles_nameOnlySettingsTheServerKnows_andTheUnitMatchesTheGuide() throws Exception {
        assertThat(JAR)
                .as("the server jar is missing; build it with the reactor (mvn -o -B verify -pl"
                        + " contract-tests -am)")
                .isRegularFile();
        List<String> known = serverVariables();
        assertThat(known).contains("VEXILLA_PORT", "VEXILLA_CONFIG_STORE", "VEXILLA_SHUTDOWN_TIMEOUT");

        assertThat(ComposePlan.from(compose()).variableNames()).isSubsetOf(known);

        // The env file: every assignment and every VEXILLA_* its comments mention is an option of the server.
        List<String> envLines = Files.readAllLines(ENV_FILE);
        Map<String, String> assignments = new HashMap<>();
        for (String line : envLines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            assertThat(eq).as("not KEY=value: %s", line).isPositive();
            assignments.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        assertThat(assignments.keySet().stream().filter(k -> !k.equals("JAVA_OPTS")))
                .as("assignments in %s", ENV_FILE)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(known).as("known to --help").contains(name));
        Matcher mentioned = Pattern.compile("VEXILLA_[A-Z0-9_]+").matcher(String.join("\n", envLines));
        while (mentioned.find()) {
            assertThat(known)
                    .as("%s mentioned in %s", mentioned.group(), ENV_FILE)
                    .contains(mentioned.group());
        }

        // The unit reads that env file and runs the jar, at the paths the guide installs them to.
        Map<String, String> service = unitSection("Service");
        String envPath = service.get("EnvironmentFile");
        List<String> exec = List.of(service.get("ExecStart").split("\\s+"));
        assertThat(exec).as("ExecStart").contains("-jar", "$JAVA_OPTS");
        assertThat(assignments).containsKey("JAVA_OPTS");
        String jarPath = exec.get(exec.indexOf("-jar") + 1);
        assertThat(exec.get(0)).as("java by absolute path").startsWith("/");
        assertThat(exec.indexOf("-jar"))
                .as("no options after the jar: the env file configures it")
                .isEqualTo(exec.size() - 2);
        String guide = Files.readString(GUIDE);
        assertThat(guide)
                .contains("install -D -m 0640 -o root -g vexilla deploy/systemd/vexilla-server.env " + envPath)
                .contains("bucketing-server/target/vexilla-server.jar " + jarPath)
                .contains("deploy/systemd/vexilla-server.service /etc/systemd/system/vexilla-server.service");
        String shutdownTimeout = assignments.getOrDefault("VEXILLA_SHUTDOWN_TIMEOUT", "10s");
        assertThat(shutdownTimeout)
                .as("VEXILLA_SHUTDOWN_TIMEOUT in whole seconds")
                .matches("\\d+s");
        int shutdown = Integer.parseInt(shutdownTimeout.substring(0, shutdownTimeout.length() - 1));
        assertThat(service.get("TimeoutStopSec"))
                .as("TimeoutStopSec in seconds")
                .matches("\\d+");
        assertThat(Integer.parseInt(service.get("TimeoutStopSec")))
                .as("systemd waits longer than the server drains")
                .isGreaterThan(shutdown);
    }

    // ----- processes -----

    private static Processes.Started startRedis(Processes processes, ComposePlan plan, int port, Path dir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Processes.executable("redis-server", "install it (apt-get install redis-server; .ci/run does)")
                .toString());
        command.addAll(plan.redisArguments());
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString()));
        Processes.Started redis = processes.start("redis", command, Map.of(), dir);
        await("redis-server on port " + port)
                .atMost(START)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Processes.redisAnswers(port) || !redis.process().isAlive());
        assertThat(redis.process().isAlive()).as("redis-server is running").isTrue();
        return redis;
    }

    private Processes.Started startServer(
            Processes processes,
            ComposePlan plan,
            ComposePlan.Server server,
            List<String> jvmFlags,
            int redisPort,
            int port)
            throws IOException {
        Map<String, String> environment = new HashMap<>();
        System.getenv().keySet().stream().filter(k -> k.startsWith("VEXILLA_")).forEach(k -> environment.put(k, null));
        environment.putAll(server.localEnvironment(plan, redisPort, port, ADMIN_TOKEN));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path work = Files.createDirectories(temp.resolve(server.name()));
        return processes.start(server.name(), command, environment, work);
    }

    /** The JVM flags of the Dockerfile's entry point, which must run the jar with no arguments. */
    private static List<String> dockerfileJvmFlags() throws IOException {
        String entrypoint = Files.readAllLines(DOCKERFILE).stream()
                .filter(line -> line.startsWith("ENTRYPOINT "))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(DOCKERFILE + " has no ENTRYPOINT"));
        List<String> args = new ArrayList<>();
        JSON.readTree(entrypoint.substring("ENTRYPOINT ".length())).forEach(n -> args.add(n.asText()));
        assertThat(args).as("ENTRYPOINT of %s", DOCKERFILE).hasSizeGreaterThanOrEqualTo(3);
        assertThat(args.get(0)).isEqualTo("java");
        assertThat(args.subList(args.size() - 2, args.size())).containsExactly("-jar", IMAGE_JAR);
        List<String> flags = args.subList(1, args.size() - 2);
        assertThat(flags).allSatisfy(flag -> assertThat(flag).startsWith("-X"));
        return List.copyOf(flags);
    }

    /** The environment variables the server's {@code --help} lists. */
    private static List<String> serverVariables() throws Exception {
        Process help = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--help")
                .redirectErrorStream(true)
                .start();
        String text = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertThat(help.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(help.exitValue()).as(text).isZero();
        } finally {
            help.destroyForcibly();
        }
        Matcher m = Pattern.compile("\\[env (VEXILLA_[A-Z0-9_]+)]").matcher(text);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    // ----- files -----

    private static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(COMPOSE.toFile());
    }

    private static Map<String, String> unitSection(String section) throws IOException {
        Map<String, String> entries = new HashMap<>();
        String current = "";
        for (String line : Files.readAllLines(UNIT)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                current = trimmed.substring(1, trimmed.length() - 1);
            } else if (current.equals(section) && !trimmed.startsWith("#") && trimmed.contains("=")) {
                int eq = trimmed.indexOf('=');
                entries.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        return entries;
    }

    // ----- HTTP -----

    private static String config(String banner) {
        return String.format(CONFIG, banner);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers()
                .firstValue("ETag")
                .orElseThrow(() ->
                        new AssertionError("no ETag: " + response.headers().map()));
    }

    private static int status(Optional<HttpResponse<String>> response) {
        return response.map(HttpResponse::statusCode).orElse(-1);
    }

    private static void awaitServes(Instance instance, String etag, String banner) {
        await(instance.name() + " serves " + etag)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> instance.configEtag().equals(Optional.of(etag)));
        assertServes(instance, etag, banner);
    }

    private static void assertServes(Instance instance, String etag, String banner) {
        assertThat(instance.configEtag()).as("%s config ETag", instance.name()).contains(etag);
        HttpResponse<String> evaluation = instance.evaluate();
        assertThat(evaluation.statusCode()).as(evaluation.body()).isEqualTo(200);
        try {
            JsonNode body = JSON.readTree(evaluation.body());
            assertThat(body.path("value").asText()).as(evaluation.body()).isEqualTo(banner);
            assertThat(body.path("metadata").path("version").asText())
                    .as("the evaluation reports the served version")
                    .isEqualTo(etag.replace("\"", ""));
        } catch (IOException e) {
            throw new AssertionError(evaluation.body(), e);
        }
    }

    /** One running (or killed) server, reached on the loopback address. */
    private record Instance(ComposePlan.Server server, int port) {
        String name() {
            return server.name();
        }

        String healthPath() {
            return server.healthPath();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** A GET that must be answered. */
        HttpResponse<String> answer(String path) {
            return get(path).orElseThrow(() -> new AssertionError(name() + " does not answer GET " + path));
        }

        /** A GET; empty when nothing answers on the port. */
        Optional<HttpResponse<String>> get(String path) {
            try {
                return Optional.of(send(HttpRequest.newBuilder(uri(path)).GET()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        HttpResponse<String> admin(String method, String path, String body) throws IOException {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)));
        }

        Optional<String> configEtag() {
            return get("/configuration-files/" + SDK_KEY + "/config_v6.json")
                    .filter(r -> r.statusCode() == 200)
                    .flatMap(r -> r.headers().firstValue("ETag"));
        }

        HttpResponse<String> evaluate() {
            try {
                return send(HttpRequest.newBuilder(uri("/ofrep/v1/evaluate/flags/banner"))
                        .header("Authorization", "Bearer " + SDK_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{\"targetingKey\":\"user-1\"}}")));
            } catch (IOException e) {
                throw new AssertionError(name() + " does not answer an evaluation", e);
            }
        }

        private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
            try {
                return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
