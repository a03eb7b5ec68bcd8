package dev.vexilla.model.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vexilla.model.RoundTrips;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The examples of OFREP's {@code openapi.yaml} (test resource {@code ofrep/openapi.yaml}), as JSON. */
final class OpenApiExamples {

    static final String SINGLE = "/paths/~1ofrep~1v1~1evaluate~1flags~1{key}/post";
    static final String BULK = "/paths/~1ofrep~1v1~1evaluate~1flags/post";
    private static final String JSON_EXAMPLE = "/content/application~1json/example";
    private static final JsonNode SPEC = load();

    private OpenApiExamples() {}

    static byte[] request(String operation) {
        return at(operation + "/requestBody" + JSON_EXAMPLE);
    }

    static byte[] response(String operation, int status) {
        return at(operation + "/responses/" + status + JSON_EXAMPLE);
    }

    static byte[] at(String pointer) {
        JsonNode node = SPEC.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no example at " + pointer);
        }
        try {
            return RoundTrips.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load() {
        ObjectMapper yaml = new YAMLMapper();
        try {
            return yaml.readTree(RoundTrips.resource("ofrep/openapi.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
