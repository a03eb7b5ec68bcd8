package dev.vexilla.cloud.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.FlagMetadata;
import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.User;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.ofrep.OfrepBulkResponse;
import dev.vexilla.model.ofrep.OfrepErrorCodes;
import dev.vexilla.model.ofrep.OfrepEvaluation;
import dev.vexilla.model.ofrep.OfrepEvaluationRequest;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** OFREP v0.3: the context in, evaluations out, the key as {@code Authorization: Bearer}. */
final class OfrepDialect implements RemoteDialect {
    private static final TypeReference<Map<String, Object>> WIRE_MAP = new TypeReference<Map<String, Object>>() {};

    private final ObjectMapper mapper = ObjectMappers.shared();
    private final URI base;

    OfrepDialect(URI base) {
        this.base = base;
    }

    @Override
    public Map<String, String> authHeaders(String sdkKey) {
        return Collections.singletonMap("Authorization", "Bearer " + sdkKey);
    }

    @Override
    public byte[] body(EvaluationContext ctx, User user) throws Exception {
        return mapper.writeValueAsBytes(OfrepEvaluationRequest.of(ctx));
    }

    @Override
    public URI flagUri(String flagKey) {
        return base.resolve("ofrep/v1/evaluate/flags/" + BucketingDialect.pathSegment(flagKey));
    }

    @Override
    public URI allUri() {
        return base.resolve("ofrep/v1/evaluate/flags");
    }

    @Override
    public URI probeUri() {
        return allUri();
    }

    @Override
    public RemoteAnswer single(String flagKey, HttpResult response) {
        try {
            if (response.status() == 200) {
                return answer(ObjectMappers.read(mapper, response.body(), OfrepEvaluation.class));
            }
            JsonNode error = ObjectMappers.read(mapper, response.body(), JsonNode.class);
            String code = error.path("errorCode").asText(null);
            ErrorKind kind = response.status() == 404 && code == null
                    ? ErrorKind.FLAG_NOT_FOUND
                    : OfrepErrorCodes.toErrorKind(code);
            String details = error.path("errorDetails").asText("HTTP " + response.status() + " for '" + flagKey + "'");
            @Nullable
            Map<String, Object> wire =
                    error.has("metadata") ? mapper.convertValue(error.get("metadata"), WIRE_MAP) : null;
            return RemoteAnswer.answered(EvaluationResult.error(kind, details), FlagMetadata.fromWire(wire));
        } catch (WirePayloadException | RuntimeException e) {
            return RemoteAnswer.failed(
                    "unreadable answer for '" + flagKey + "' (HTTP " + response.status() + "): " + e.getMessage());
        }
    }

    private static RemoteAnswer answer(OfrepEvaluation evaluation) {
        ImmutableMetadata metadata = evaluation.flagMetadata();
        EvaluationResult devCycle = evaluation.isError()
                ? null
                : DevCycleAnswers.read(evaluation.value(), evaluation.reason(), evaluation.variant(), metadata);
        if (devCycle != null) {
            return RemoteAnswer.answered(devCycle, metadata);
        }
        EvaluationResult result = evaluation
                .toEvaluationResult()
                .orElseGet(() -> EvaluationResult.error(
                        ErrorKind.GENERAL, "the server sent no value for '" + evaluation.key() + "'"));
        return RemoteAnswer.answered(result, metadata);
    }

    @Override
    public @Nullable Map<String, RemoteAnswer> all(HttpResult response) {
        try {
            OfrepBulkResponse bulk = ObjectMappers.read(mapper, response.body(), OfrepBulkResponse.class);
            Map<String, RemoteAnswer> out = new LinkedHashMap<>();
            for (OfrepEvaluation e : bulk.flags()) {
                out.put(e.key(), answer(e));
            }
            return out;
        } catch (WirePayloadException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean conditionalAll() {
        return true;
    }
}
