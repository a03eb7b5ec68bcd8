package dev.vexilla.examples;

import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableMetadata;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenFeature hook that writes one line per evaluation: the client's domain, the provider, the flag, and the
 * details every Vexilla provider gives (value, variant, reason, error code, and the metadata keys {@code version},
 * {@code ruleIndex} and {@code percentageOptionIndex}). Registered once on the API, it sees the same details from
 * the local and the cloud provider, which is how an application can check that swapping providers changes nothing.
 *
 * <p>Thread-safe as far as the given stream is ({@link PrintStream} is).
 *
 * @since 0.1.0
 */
public final class DetailsLoggingHook implements Hook<Object> {
    private final PrintStream out;

    /**
     * Creates a hook that writes to a stream.
     *
     * @param out where the lines go
     */
    public DetailsLoggingHook(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void after(HookContext<Object> ctx, FlagEvaluationDetails<Object> details, Map<String, Object> hints) {
        out.println(line(ctx, details));
    }

    /**
     * Formats one evaluation.
     *
     * @param ctx the hook context
     * @param details the evaluation details
     * @return one line, e.g. {@code [local] Vexilla Local supportTier=priority variant=5e7c1e01 reason=TARGETING_MATCH
     *     ruleIndex=0 version=…}
     */
    static String line(HookContext<?> ctx, FlagEvaluationDetails<?> details) {
        StringBuilder line = new StringBuilder()
                .append('[')
                .append(ctx.getClientMetadata().getDomain())
                .append("] ")
                .append(ctx.getProviderMetadata().getName())
                .append(' ')
                .append(details.getFlagKey())
                .append('=')
                .append(details.getValue())
                .append(" variant=")
                .append(details.getVariant())
                .append(" reason=")
                .append(details.getReason());
        if (details.getErrorCode() != null) {
            line.append(" error=").append(details.getErrorCode());
        }
        ImmutableMetadata metadata = details.getFlagMetadata();
        appendIfPresent(line, "ruleIndex", metadata.getInteger("ruleIndex"));
        appendIfPresent(line, "percentageOptionIndex", metadata.getInteger("percentageOptionIndex"));
        appendIfPresent(line, "version", metadata.getString("version"));
        return line.toString();
    }

    private static void appendIfPresent(StringBuilder line, String key, Object value) {
        if (value != null) {
            line.append(' ').append(key).append('=').append(value);
        }
    }
}
