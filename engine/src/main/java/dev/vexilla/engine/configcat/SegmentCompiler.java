package dev.vexilla.engine.configcat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vexilla.engine.ConfigParseException;
import org.jspecify.annotations.Nullable;

/** Compiles the config's segment list ({@code s}); a segment's hashed conditions are salted with its name. */
final class SegmentCompiler {

    private SegmentCompiler() {}

    static Segment[] compile(@Nullable JsonNode s, @Nullable String salt, CompileContext context)
            throws ConfigParseException {
        if (s == null || s.isNull()) {
            return new Segment[0];
        }
        if (!s.isArray()) {
            throw new ConfigParseException("s", "array expected, was " + s.getNodeType());
        }
        Segment[] out = new Segment[s.size()];
        for (int i = 0; i < out.length; i++) {
            String path = "s[" + i + "]";
            context.startFlag(path);
            JsonNode node = s.get(i);
            JsonNode n = node.get("n");
            String name = n != null && n.isTextual() ? n.textValue() : "";
            if (name.isEmpty()) {
                context.lazy(path + ".n", "segment name missing", "Segment name is missing.");
            }
            JsonNode r = node.get("r");
            Condition[] conditions;
            if (r == null || !r.isArray()) {
                conditions = new Condition[] {
                    context.broken(path + ".r", "array expected", "Segment conditions are missing or invalid.")
                };
            } else {
                conditions = new Condition[r.size()];
                for (int j = 0; j < conditions.length; j++) {
                    conditions[j] = context.condition(r.get(j), path + ".r[" + j + "]", salt, name);
                }
                conditions = context.conditions(conditions);
            }
            out[i] = new Segment(name, conditions);
        }
        return out;
    }
}
