package dev.vexilla.contract.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.providers.memory.ContextEvaluator;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import dev.vexilla.contract.steps.ProviderFactory;
import dev.vexilla.contract.steps.ValueConversions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The OpenFeature SDK's {@code InMemoryProvider} with the flags of the spec's {@code test-flags.json}. The two CEL
 * {@code contextEvaluator} expressions the file uses are evaluated by hand-written code: this module carries no CEL
 * engine.
 */
final class ReferenceProviderFactory implements ProviderFactory {

    static final String TEST_FLAGS = "dev/vexilla/contract/gherkin/test-flags.json";

    static final String EMAIL_TARGETING = "email == 'ballmer@macrosoft.com' ? 'zero' : ''";
    static final String COMPLEX_TARGETING =
            "!customer && email == 'ballmer@macrosoft.com' && age > 10 ? 'internal' : ''";
    private static final String BALLMER = "ballmer@macrosoft.com";

    private static final Map<String, Flag<?>> FLAGS = load();

    @Override
    public FeatureProvider create() {
        return new InMemoryProvider(FLAGS);
    }

    @Override
    public String description() {
        return "InMemoryProvider (" + TEST_FLAGS + ")";
    }

    private static Map<String, Flag<?>> load() {
        ClassLoader loader = ReferenceProviderFactory.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(TEST_FLAGS)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + TEST_FLAGS);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Flag<?>> flags = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                flags.put(entry.getKey(), flag(entry.getValue()));
            }
            return Collections.unmodifiableMap(flags);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEST_FLAGS, e);
        }
    }

    private static Flag<?> flag(JsonNode node) {
        Flag.FlagBuilder<Object> flag = Flag.builder();
        node.path("variants").fields().forEachRemaining(v -> flag.variant(v.getKey(), variantValue(v.getValue())));
        JsonNode defaultVariant = node.path("defaultVariant");
        flag.defaultVariant(defaultVariant.isTextual() ? defaultVariant.asText() : null);
        flag.disabled(node.path("disabled").asBoolean(false));
        flag.flagMetadata(metadata(node.path("flagMetadata")));
        JsonNode expression = node.path("contextEvaluator");
        if (expression.isTextual()) {
            flag.contextEvaluator(evaluator(expression.asText()));
        }
        return flag.build();
    }

    private static Object variantValue(JsonNode node) {
        if (node.isObject() || node.isArray()) {
            return ValueConversions.toValue(node);
        }
        return ValueConversions.toValue(node).asObject();
    }

    private static ImmutableMetadata metadata(JsonNode node) {
        if (!node.isObject()) {
            return ImmutableMetadata.EMPTY;
        }
        ImmutableMetadata.ImmutableMetadataBuilder metadata = ImmutableMetadata.builder();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isBoolean()) {
                metadata.addBoolean(e.getKey(), v.booleanValue());
            } else if (v.isInt()) {
                metadata.addInteger(e.getKey(), v.intValue());
            } else if (v.isNumber()) {
                metadata.addDouble(e.getKey(), v.doubleValue());
            } else {
                metadata.addString(e.getKey(), v.asText());
            }
        });
        return metadata.build();
    }

    /**
     * Returns the hand-written equivalent of a CEL expression of {@code test-flags.json}: the value of the variant the
     * expression names, or {@code null} (the default variant, reason DEFAULT) where it yields {@code ''}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ContextEvaluator<Object> evaluator(String expression) {
        switch (expression) {
            case EMAIL_TARGETING:
                return (flag, ctx) -> BALLMER.equals(string(ctx, "email")) ? variant(flag, "zero") : null;
            case COMPLEX_TARGETING:
                return (flag, ctx) -> isInternal(ctx) ? variant(flag, "internal") : null;
            default:
                throw new IllegalArgumentException("no hand-written evaluator for the CEL expression " + expression);
        }
    }

    private static boolean isInternal(EvaluationContext ctx) {
        Value customer = ctx.getValue("customer");
        Value age = ctx.getValue("age");
        return customer != null
                && customer.isBoolean()
                && !customer.asBoolean()
                && BALLMER.equals(string(ctx, "email"))
                && age != null
                && age.isNumber()
                && age.asDouble() > 10;
    }

    @SuppressWarnings("rawtypes")
    private static @Nullable Object variant(Flag flag, String name) {
        return flag.getVariants().get(name);
    }

    private static @Nullable String string(EvaluationContext ctx, String key) {
        Value value = ctx.getValue(key);
        return value != null && value.isString() ? value.asString() : null;
    }
}
