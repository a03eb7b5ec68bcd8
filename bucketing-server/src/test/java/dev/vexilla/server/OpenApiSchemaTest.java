package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

final class OpenApiSchemaTest {
    private static final String SINGLE = "/ofrep/v1/evaluate/flags/{key}";
    private static final String BULK = "/ofrep/v1/evaluate/flags";

    private static JsonNode json(String text) throws Exception {
        return ServerJson.mapper().readTree(text);
    }

    private static java.util.List<String> strict(String text, JsonNode schema) throws Exception {
        return OpenApiSchema.strict().violations(json(text), schema);
    }

    @Test
    void documentsShapedLikeTheSpecExamples_conform() throws Exception {
        assertThat(strict(
                        "{\"key\":\"discount-banner\",\"value\":true,\"reason\":\"TARGETING_MATCH\",\"variant\":\"on\"}",
                        OpenApiSchema.response(SINGLE, 200)))
                .isEmpty();
        assertThat(strict(
                        "{\"key\":\"f\",\"errorCode\":\"FLAG_NOT_FOUND\",\"errorDetails\":\"gone\"}",
                        OpenApiSchema.response(SINGLE, 404)))
                .isEmpty();
        assertThat(strict(
                        "{\"flags\":[{\"key\":\"a\",\"value\":\"blue\",\"reason\":\"STATIC\"},"
                                + "{\"key\":\"b\",\"errorCode\":\"GENERAL\"}],\"metadata\":{\"version\":\"v12\"}}",
                        OpenApiSchema.response(BULK, 200)))
                .isEmpty();
    }

    @Test
    void missingRequiredFields_areReportedWithTheirPath() throws Exception {
        assertThat(strict("{\"value\":true}", OpenApiSchema.response(SINGLE, 200)))
                .anyMatch(v -> v.contains("'key'"))
                .anyMatch(v -> v.contains("'reason'"));
        assertThat(strict("{\"flags\":[{\"value\":1}]}", OpenApiSchema.response(BULK, 200)))
                .anyMatch(v -> v.startsWith("$.flags[0]"));
        assertThat(strict("{}", OpenApiSchema.response(BULK, 400))).anyMatch(v -> v.contains("'errorCode'"));
    }

    @Test
    void enumsAndTypes_areEnforced() throws Exception {
        assertThat(strict("{\"key\":\"k\",\"value\":1,\"reason\":\"DEFAULT\"}", OpenApiSchema.response(SINGLE, 200)))
                .anyMatch(v -> v.contains("\"DEFAULT\" is not one of"));
        assertThat(OpenApiSchema.allowingEnumValues("DEFAULT")
                        .violations(
                                json("{\"key\":\"k\",\"value\":1,\"reason\":\"DEFAULT\"}"),
                                OpenApiSchema.response(SINGLE, 200)))
                .isEmpty();
        assertThat(strict("{\"key\":\"k\",\"errorCode\":\"TYPE_MISMATCH\"}", OpenApiSchema.response(SINGLE, 400)))
                .anyMatch(v -> v.contains("errorCode"));
        assertThat(strict("{\"key\":7,\"errorCode\":\"FLAG_NOT_FOUND\"}", OpenApiSchema.response(SINGLE, 404)))
                .anyMatch(v -> v.contains("$.key: expected string"));
        assertThat(strict(
                        "{\"key\":\"k\",\"value\":1,\"reason\":\"STATIC\",\"metadata\":{\"x\":[1]}}",
                        OpenApiSchema.response(SINGLE, 200)))
                .anyMatch(v -> v.startsWith("$.metadata.x"));
    }
}
