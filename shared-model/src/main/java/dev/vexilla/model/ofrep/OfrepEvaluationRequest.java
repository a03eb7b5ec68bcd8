package dev.vexilla.model.ofrep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.internal.JsonValues;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The body of both OFREP evaluation endpoints: {@code {"context": {"targetingKey": "...", ...}}}.
 *
 * <p>{@link #of(EvaluationContext)} writes every context attribute as JSON with the {@code targetingKey} first and
 * the others sorted by name; {@code Instant}s are written as unix seconds, the way ConfigCat's comparators read
 * date-times, so a Vexilla server evaluates them exactly like the local engine. {@link #toEvaluationContext()} reads
 * it back for {@link dev.vexilla.model.ContextMapper}.
 *
 * <p>Immutable and thread-safe (the context tree is copied in and out).
 *
 * @since 0.1.0
 */
public final class OfrepEvaluationRequest {

    private final ObjectNode context;

    /**
     * Creates a request.
     *
     * @param context the context object; {@code null} is an empty context
     * @throws IllegalArgumentException if {@code context} is not a JSON object
     */
    @JsonCreator
    public OfrepEvaluationRequest(@JsonProperty("context") @Nullable JsonNode context) {
        if (context != null && !context.isNull() && !context.isObject()) {
            throw new IllegalArgumentException("context must be an object");
        }
        this.context = context == null || context.isNull()
                ? JsonNodeFactory.instance.objectNode()
                : ((ObjectNode) context).deepCopy();
    }

    /**
     * Builds a request from an evaluation context.
     *
     * @param ctx the context
     * @return the request
     */
    public static OfrepEvaluationRequest of(EvaluationContext ctx) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String targetingKey = ctx.getTargetingKey();
        if (targetingKey != null) {
            node.put(EvaluationContext.TARGETING_KEY, targetingKey);
        }
        for (String key : new TreeSet<>(ctx.keySet())) {
            if (!key.equals(EvaluationContext.TARGETING_KEY)) {
                node.set(key, JsonValues.toJson(ctx.getValue(key)));
            }
        }
        return new OfrepEvaluationRequest(node);
    }

    /**
     * Returns the context as sent.
     *
     * @return a copy of the context object
     */
    @JsonProperty("context")
    public ObjectNode context() {
        return context.deepCopy();
    }

    /**
     * Returns the targeting key.
     *
     * @return the {@code targetingKey} text, or {@code null} when absent or not a string
     */
    public @Nullable String targetingKey() {
        JsonNode key = context.get(EvaluationContext.TARGETING_KEY);
        return key != null && key.isTextual() ? key.textValue() : null;
    }

    /**
     * Converts the context into an OpenFeature context: the {@code targetingKey} (when a string) becomes the
     * targeting key, every other field an attribute ({@link Value}s as in {@link JsonValues#toValue(JsonNode)}).
     *
     * @return a new immutable context
     */
    public EvaluationContext toEvaluationContext() {
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : context.properties()) {
            if (!e.getKey().equals(EvaluationContext.TARGETING_KEY)
                    || !e.getValue().isTextual()) {
                attributes.put(e.getKey(), JsonValues.toValue(e.getValue()));
            }
        }
        return new ImmutableContext(targetingKey(), attributes);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o
                || (o instanceof OfrepEvaluationRequest && context.equals(((OfrepEvaluationRequest) o).context));
    }

    @Override
    public int hashCode() {
        return Objects.hash(context);
    }

    /**
     * Describes the request with attribute names only; values may be personal data and are left out.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OfrepEvaluationRequest{context keys=[");
        Iterator<String> names = context.fieldNames();
        while (names.hasNext()) {
            sb.append(names.next()).append(names.hasNext() ? ", " : "");
        }
        return sb.append("]}").toString();
    }
}
