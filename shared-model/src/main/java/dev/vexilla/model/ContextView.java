package dev.vexilla.model;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import dev.vexilla.model.internal.AttributeValues;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A lazy {@link UserAttributes} over an {@link EvaluationContext}: each read goes to the context and converts only the
 * attribute asked for. See {@link ContextMapper} for the mapping. Never throws; a context that fails while being read
 * makes the attribute absent.
 *
 * <p>Not thread-safe: a view belongs to the one evaluation (and thread) it was created for.
 */
final class ContextView implements UserAttributes {

    private final EvaluationContext ctx;

    // The custom-data structures are read from the context at most once per view: OpenFeature's immutable contexts
    // deep-copy a structure on every getValue, and a rule set may ask for several custom-data attributes.
    private @Nullable Structure customData;
    private @Nullable Structure privateCustomData;
    private boolean customDataRead;
    private boolean privateCustomDataRead;

    ContextView(@Nullable EvaluationContext ctx) {
        this.ctx = ctx == null ? ImmutableContext.EMPTY : ctx;
    }

    @Override
    public @Nullable String identifier() {
        try {
            return ContextMapper.identifier(ctx, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public @Nullable Object attribute(String name) {
        try {
            switch (name) {
                case IDENTIFIER:
                    return ContextMapper.identifier(ctx, null);
                case EMAIL:
                    return ContextMapper.firstText(ctx, ContextMapper.EMAIL_KEYS, null);
                case COUNTRY:
                    return ContextMapper.firstText(ctx, ContextMapper.COUNTRY_KEYS, null);
                default:
                    return custom(name);
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public @Nullable Object customData(String name) {
        try {
            Object value = entry(privateCustomData(), name);
            if (value == null) {
                value = entry(customData(), name);
            }
            if (value == null && !ContextMapper.isReservedTopLevel(name)) {
                Object top = AttributeValues.customValue(ctx.getValue(name), name, null);
                value = top != null && DevCycleFields.isTopLevelCustomData(name, top) ? top : null;
            }
            return value;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Object entry(@Nullable Structure data, String name) {
        return data == null ? null : AttributeValues.customValue(data.getValue(name), name, null);
    }

    private @Nullable Structure customData() {
        if (!customDataRead) {
            customData = structure(ContextMapper.CUSTOM_DATA);
            customDataRead = true;
        }
        return customData;
    }

    private @Nullable Structure privateCustomData() {
        if (!privateCustomDataRead) {
            privateCustomData = structure(ContextMapper.PRIVATE_CUSTOM_DATA);
            privateCustomDataRead = true;
        }
        return privateCustomData;
    }

    private @Nullable Object custom(String name) {
        if (!ContextMapper.isReservedTopLevel(name)) {
            Object top = AttributeValues.customValue(ctx.getValue(name), name, null);
            if (top != null) {
                return top;
            }
        }
        Object custom = entry(customData(), name);
        if (custom != null) {
            return custom;
        }
        return entry(privateCustomData(), name);
    }

    private @Nullable Structure structure(String container) {
        Value data = ctx.getValue(container);
        return data != null && data.isStructure() ? data.asStructure() : null;
    }

    /**
     * Visits every attribute. Unlike single reads this maps the whole context (it is meant for evaluation logs).
     *
     * @param action receives each attribute name and value
     */
    @Override
    public void forEachAttribute(BiConsumer<String, Object> action) {
        ContextMapper.toUser(ctx).forEachAttribute(action);
    }

    @Override
    public String toString() {
        return "ContextView{" + ContextMapper.toUser(ctx) + "}";
    }
}
