package dev.vexilla.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks JSON documents against the schemas of an OpenAPI file: OFREP's {@code openapi.yaml} (test resource
 * {@code ofrep/openapi.yaml}; {@link #strict()}, {@link #response}) or the server's own
 * {@code openapi/vexilla-server.yaml} ({@link #server()}, {@link #responseSchema}).
 *
 * <p>Supports what that file uses: {@code $ref}, {@code type} (with {@code integer} as a whole number),
 * {@code required}, {@code properties}, {@code additionalProperties}, {@code enum}, {@code items}, {@code allOf},
 * {@code oneOf}, {@code not}, {@code pattern}, {@code minimum} and the {@code null} type. One deliberate relaxation: {@code oneOf} is checked
 * as "at least one", because OFREP's {@code codeDefaultFlag} (no properties) matches every object and an integer value
 * matches both {@code integerFlag} and {@code floatFlag}, so no success could ever match exactly one branch.
 *
 * <p>Extra enum values can be allowed per check (Vexilla sends OpenFeature's {@code DEFAULT} reason, which OFREP's
 * {@code reason} enum does not list); every other violation is reported with its JSON path.
 */
final class OpenApiSchema {
    private static final JsonNode SPEC = load("/ofrep/openapi.yaml");
    private static final JsonNode SERVER_SPEC = load("/openapi/vexilla-server.yaml");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode spec;
    private final List<String> allowedExtraValues;

    private OpenApiSchema(JsonNode spec, List<String> allowedExtraValues) {
        this.spec = spec;
        this.allowedExtraValues = allowedExtraValues;
    }

    /** A checker of OFREP's schemas that allows no deviation. */
    static OpenApiSchema strict() {
        return new OpenApiSchema(SPEC, List.of());
    }

    /** A checker of OFREP's schemas that accepts the given values in addition to any enum's own. */
    static OpenApiSchema allowingEnumValues(String... values) {
        return new OpenApiSchema(SPEC, List.of(values));
    }

    /** A checker of the server's own OpenAPI file ({@code openapi/vexilla-server.yaml}, a main resource). */
    static OpenApiSchema server() {
        return new OpenApiSchema(SERVER_SPEC, List.of());
    }

    /**
     * Lists the operations the file describes.
     *
     * @return {@code "<METHOD> <path template>"} for each operation
     */
    java.util.Set<String> operations() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    out.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return out;
    }

    /**
     * Returns the documented response of an operation for a status, with {@code $ref}s to
     * {@code components/responses} resolved.
     *
     * @param path the path template
     * @param method the HTTP method
     * @param status the HTTP status
     * @return the response object, empty when the status is not documented for the operation
     */
    java.util.Optional<JsonNode> responseOf(String path, String method, int status) {
        JsonNode response = spec.path("paths")
                .path(path)
                .path(method.toLowerCase(java.util.Locale.ROOT))
                .path("responses")
                .path(Integer.toString(status));
        if (response.has("$ref")) {
            response = spec.at(response.get("$ref").asText().substring(1));
        }
        return response.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(response);
    }

    /**
     * Returns the JSON schema of a documented response.
     *
     * @param path the path template
     * @param method the HTTP method
     * @param status the HTTP status
     * @return the schema, empty when the response is not documented or has no JSON body
     */
    java.util.Optional<JsonNode> responseSchema(String path, String method, int status) {
        return responseOf(path, method, status)
                .map(r -> r.at("/content/application~1json/schema"))
                .filter(schema -> !schema.isMissingNode());
    }

    /**
     * Returns the schema of a component, e.g. {@code evaluationFailure}.
     *
     * @param name the component name
     * @return its schema node
     */
    static JsonNode component(String name) {
        JsonNode schema = SPEC.at("/components/schemas/" + name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no schema component " + name);
        }
        return schema;
    }

    /**
     * Returns the response schema of an operation for a status.
     *
     * @param path the API path, e.g. {@code /ofrep/v1/evaluate/flags}
     * @param status the HTTP status
     * @return the schema node
     */
    static JsonNode response(String path, int status) {
        String pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/post/responses/" + status
                + "/content/application~1json/schema";
        JsonNode schema = SPEC.at(pointer);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no JSON response schema at " + pointer);
        }
        return schema;
    }

    /**
     * Lists the violations of a document against a schema.
     *
     * @param document the document
     * @param schema the schema
     * @return the violations, each with its JSON path; empty when the document conforms
     */
    List<String> violations(JsonNode document, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(document, schema, "$", out);
        return out;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> out) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            check(value, spec.at(ref.asText().substring(1)), at, out);
            return;
        }
        checkType(value, schema, at, out);
        checkEnum(value, schema, at, out);
        if (schema.has("pattern")
                && value.isTextual()
                && !Pattern.compile(schema.get("pattern").asText())
                        .matcher(value.asText())
                        .find()) {
            out.add(at + ": does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum")
                && value.isNumber()
                && value.asDouble() < schema.get("minimum").asDouble()) {
            out.add(at + ": below minimum " + schema.get("minimum"));
        }
        if (value.isObject()) {
            checkObject(value, schema, at, out);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", out);
            }
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, at, out);
        }
        if (schema.has("oneOf")) {
            checkOneOf(value, schema.get("oneOf"), at, out);
        }
        if (schema.has("not") && violations(value, schema.get("not")).isEmpty()) {
            out.add(at + ": must not match " + schema.get("not"));
        }
    }

    private void checkType(JsonNode value, JsonNode schema, String at, List<String> out) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return;
        }
        boolean ok = switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" ->
                value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unsupported type " + type);
        };
        if (!ok) {
            out.add(at + ": expected " + type.asText() + ", was " + value.getNodeType());
        }
    }

    private void checkEnum(JsonNode value, JsonNode schema, String at, List<String> out) {
        JsonNode values = schema.get("enum");
        if (values == null) {
            return;
        }
        for (JsonNode allowed : values) {
            if (allowed.equals(value)) {
                return;
            }
        }
        if (value.isTextual() && allowedExtraValues.contains(value.asText())) {
            return;
        }
        out.add(at + ": " + value + " is not one of " + values);
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> out) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                out.add(at + ": required property '" + name.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldAt = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), fieldAt, out);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(fieldAt + ": additional property not allowed");
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, fieldAt, out);
            }
        }
    }

    private void checkOneOf(JsonNode value, JsonNode branches, String at, List<String> out) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode branch : branches) {
            List<String> branchViolations = violations(value, branch);
            if (branchViolations.isEmpty()) {
                return;
            }
            reasons.add(String.join(", ", branchViolations));
        }
        out.add(at + ": matches no branch of oneOf " + reasons);
    }

    private static JsonNode load(String resource) {
        try (InputStream in = OpenApiSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
