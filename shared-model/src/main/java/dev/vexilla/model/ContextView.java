package dev.vexilla.model;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.vexilla.model.internal.AttributeValues;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A lazy {@link UserAttributes} over an {@link EvaluationContext}: each read goes to the context and converts only the
 * attribute asked for. See {@link ContextMapper} for the mapping. Never throws; a context that fails while being read
 * makes the attribute absent.
 */
final class ContextView implements UserAttributes {

    private final EvaluationContext ctx;

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

    private @Nullable Object custom(String name) {
        if (!ContextMapper.isReservedTopLevel(name)) {
            Object top = AttributeValues.customValue(ctx.getValue(name), name, null);
            if (top != null) {
                return top;
            }
        }
        Object custom = ContextMapper.customDataValue(ctx, ContextMapper.CUSTOM_DATA, name);
        if (custom != null) {
            return custom;
        }
        return ContextMapper.customDataValue(ctx, ContextMapper.PRIVATE_CUSTOM_DATA, name);
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
