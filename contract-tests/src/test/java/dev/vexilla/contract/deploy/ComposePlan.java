package dev.vexilla.contract.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code deploy/compose/compose.yaml} asks Docker to run, turned into processes this machine can start without
 * Docker: one {@code redis-server} with the compose command, and one server JVM per Vexilla service with exactly
 * its environment. The only substitutions are the ones a container network makes necessary: the Redis service's
 * {@code host:port} becomes the local redis-server's, {@code VEXILLA_PORT} a free port, and the
 * {@code ${VEXILLA_ADMIN_TOKEN...}} interpolation a test token.
 *
 * <p>Anything in the file this class does not know how to reproduce is an error, so the compose file cannot gain a
 * setting the test silently ignores.
 */
record ComposePlan(String redisService, List<String> redisArguments, int redisContainerPort, List<Server> servers) {
    /** The Dockerfile every Vexilla service must be built from (its entry point runs the jar with no arguments). */
    static final String DOCKERFILE = "deploy/compose/Dockerfile";

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "services", "volumes");
    private static final Set<String> REDIS_KEYS = Set.of("image", "command", "volumes", "restart", "healthcheck");
    private static final Set<String> SERVER_KEYS =
            Set.of("build", "environment", "ports", "depends_on", "restart", "stop_grace_period", "healthcheck");
    private static final Set<String> HEALTHCHECK_KEYS =
            Set.of("test", "interval", "timeout", "retries", "start_period");

    /** Variables passed to the server unchanged. */
    private static final Set<String> VERBATIM = Set.of("VEXILLA_BIND_ADDRESS", "VEXILLA_EVENTS_SINK");
    /** Variables holding a Redis address, whose host:port must be the Redis service's. */
    private static final Set<String> REDIS_URLS = Set.of("VEXILLA_CONFIG_STORE", "VEXILLA_EDGEDB_URL");

    private static final String PORT = "VEXILLA_PORT";
    private static final String ADMIN_TOKEN = "VEXILLA_ADMIN_TOKEN";
    private static final Pattern ADMIN_TOKEN_INTERPOLATION =
            Pattern.compile("\\$\\{VEXILLA_ADMIN_TOKEN(:?[?-][^}]*)?}");
    private static final Pattern PORT_MAPPING = Pattern.compile("(\\d+):(\\d+)");
    private static final Pattern LOCAL_URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)(/\\S*)");

    /**
     * One Vexilla service.
     *
     * @param name the service name
     * @param environment its environment exactly as written in the file
     * @param containerPort the port it listens on inside its container (the right side of its port mapping)
     * @param healthPath the path its healthcheck probes
     */
    record Server(String name, Map<String, String> environment, int containerPort, String healthPath) {
        /**
         * The environment of the local process: the file's, with the documented substitutions only.
         *
         * @param plan the plan this server belongs to
         * @param redisPort the local redis-server's port
         * @param port the free port this instance listens on
         * @param adminToken the test's admin token
         * @return the variables to set
         */
        Map<String, String> localEnvironment(ComposePlan plan, int redisPort, int port, String adminToken) {
            String containerRedis = "redis://" + plan.redisService() + ":" + plan.redisContainerPort();
            Map<String, String> local = new LinkedHashMap<>();
            environment.forEach((key, value) -> {
                if (key.equals(PORT)) {
                    local.put(key, Integer.toString(port));
                } else if (key.equals(ADMIN_TOKEN)) {
                    local.put(key, adminToken);
                } else if (REDIS_URLS.contains(key)) {
                    local.put(key, "redis://127.0.0.1:" + redisPort + value.substring(containerRedis.length()));
                } else {
                    local.put(key, value);
                }
            });
            return local;
        }
    }

    /**
     * Reads the parsed compose file.
     *
     * @param compose the file as a YAML tree
     * @return the processes to start
     * @throws IllegalArgumentException naming the first setting that cannot be reproduced
     */
    static ComposePlan from(JsonNode compose) {
        onlyKeys("the compose file", compose, TOP_LEVEL_KEYS);
        JsonNode services = compose.path("services");
        require(services.isObject() && services.size() > 0, "the compose file has no services");
        String redisService = null;
        List<String> redisArguments = List.of();
        int redisPort = 6379;
        List<Server> servers = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            if (service.has("build")) {
                servers.add(server(name, service));
            } else {
                require(redisService == null, "a second service that is not built from " + DOCKERFILE + ": " + name);
                onlyKeys("service " + name, service, REDIS_KEYS);
                require(
                        service.path("image").asText().startsWith("redis:"),
                        "service " + name + " is neither built from " + DOCKERFILE + " nor a redis image");
                List<String> command = strings("service " + name + " command", service.path("command"));
                require(
                        !command.isEmpty() && command.get(0).equals("redis-server"),
                        "service " + name + " command must start with redis-server, was " + command);
                redisArguments = List.copyOf(command.subList(1, command.size()));
                int portFlag = redisArguments.indexOf("--port");
                if (portFlag >= 0) {
                    require(portFlag + 1 < redisArguments.size(), "--port without a value in " + command);
                    redisPort = Integer.parseInt(redisArguments.get(portFlag + 1));
                }
                require(
                        !redisArguments.contains("--dir") && !redisArguments.contains("--bind"),
                        "the redis command must leave --dir and --bind to the image (the test sets them): " + command);
                List<String> volumes = strings("service " + name + " volumes", service.path("volumes"));
                require(
                        volumes.size() == 1 && volumes.get(0).endsWith(":/data"),
                        "service " + name + " must keep its data in one volume on /data (the image's --dir), was "
                                + volumes);
                redisService = name;
            }
        }
        require(redisService != null, "the compose file has no redis service");
        require(
                servers.size() == 2,
                "the test reproduces exactly two Vexilla instances, the file has " + servers.size());
        ComposePlan plan = new ComposePlan(redisService, redisArguments, redisPort, List.copyOf(servers));
        for (Server server : servers) {
            checkEnvironment(plan, server);
        }
        return plan;
    }

    private static Server server(String name, JsonNode service) {
        String where = "service " + name;
        onlyKeys(where, service, SERVER_KEYS);
        onlyKeys(where + " build", service.path("build"), Set.of("context", "dockerfile"));
        require(
                service.path("build").path("context").asText().equals("../..")
                        && service.path("build").path("dockerfile").asText().equals(DOCKERFILE),
                where + " must be built from " + DOCKERFILE + " with the repository root as context");
        JsonNode environment = service.path("environment");
        require(environment.isObject(), where + " environment must be a mapping (KEY: value)");
        Map<String, String> env = new LinkedHashMap<>();
        environment.fields().forEachRemaining(e -> {
            require(e.getValue().isValueNode(), where + " environment " + e.getKey() + " must be a scalar");
            env.put(e.getKey(), e.getValue().asText());
        });
        List<String> ports = strings(where + " ports", service.path("ports"));
        require(ports.size() == 1, where + " must publish exactly one port, was " + ports);
        Matcher mapping = PORT_MAPPING.matcher(ports.get(0));
        require(mapping.matches(), where + " port must be HOST:CONTAINER, was " + ports.get(0));
        int containerPort = Integer.parseInt(mapping.group(2));
        JsonNode healthcheck = service.path("healthcheck");
        onlyKeys(where + " healthcheck", healthcheck, HEALTHCHECK_KEYS);
        List<String> test = strings(where + " healthcheck test", healthcheck.path("test"));
        require(!test.isEmpty(), where + " has no healthcheck test");
        Matcher url = LOCAL_URL.matcher(test.get(test.size() - 1));
        require(
                url.matches() && Integer.parseInt(url.group(1)) == containerPort,
                where + " healthcheck must end with http://127.0.0.1:" + containerPort + "/<path>, was " + test);
        return new Server(name, Map.copyOf(env), containerPort, url.group(2));
    }

    private static void checkEnvironment(ComposePlan plan, Server server) {
        String where = "service " + server.name() + " environment ";
        String containerRedis = "redis://" + plan.redisService() + ":" + plan.redisContainerPort();
        require(server.environment().containsKey(PORT), where + "must set " + PORT);
        server.environment().forEach((key, value) -> {
            if (key.equals(PORT)) {
                require(
                        value.equals(Integer.toString(server.containerPort())),
                        where + PORT + " must be the published container port " + server.containerPort());
            } else if (key.equals(ADMIN_TOKEN)) {
                require(
                        ADMIN_TOKEN_INTERPOLATION.matcher(value).matches(),
                        where + ADMIN_TOKEN + " must come from the host's ${VEXILLA_ADMIN_TOKEN}, never be written"
                                + " in the file");
            } else if (REDIS_URLS.contains(key)) {
                String rest = value.startsWith(containerRedis) ? value.substring(containerRedis.length()) : null;
                require(
                        rest != null && rest.matches("(/\\d+)?"),
                        where + key + " must be " + containerRedis + "[/db], was " + value);
            } else if (VERBATIM.contains(key)) {
                require(!value.contains("$"), where + key + " must not interpolate host variables, was " + value);
            } else {
                throw new IllegalArgumentException(where + key + " is a setting DeployComposeIT does not know how to"
                        + " reproduce; teach ComposePlan what it means (pass it verbatim or substitute it)");
            }
        });
    }

    private static void onlyKeys(String where, JsonNode node, Set<String> allowed) {
        require(node.isObject(), where + " must be a mapping");
        Set<String> unknown = new TreeSet<>();
        node.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(allowed);
        require(
                unknown.isEmpty(),
                where + " has keys DeployComposeIT does not reproduce: " + unknown + " (known: "
                        + new TreeSet<>(allowed) + ")");
    }

    private static List<String> strings(String where, JsonNode node) {
        require(node.isArray(), where + " must be a list");
        List<String> out = new ArrayList<>();
        node.forEach(item -> {
            require(item.isValueNode(), where + " must hold scalars");
            out.add(item.asText());
        });
        return out;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("deploy/compose/compose.yaml: " + message);
        }
    }

    /**
     * Every environment variable name of every Vexilla service.
     *
     * @return the names, sorted
     */
    Set<String> variableNames() {
        Set<String> names = new TreeSet<>();
        servers.forEach(s -> names.addAll(s.environment().keySet()));
        return names;
    }
}
