package dev.vexilla.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.engine.devcycle.DevCycleConfig;
import dev.vexilla.model.ObjectMappers;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses a config document of either flag model: the model is told from the document's top-level field names, then
 * the model's own parser compiles it.
 *
 * <pre>{@code
 * FlagConfig config = FlagConfigs.parse(json);      // ConfigCat v6 or DevCycle v2
 * EvaluationResult r = config.evaluate("my-flag", user);
 * }</pre>
 *
 * <p>Which names decide: a top-level {@code "f"}, {@code "p"}, {@code "s"} or {@code "flags"} field is ConfigCat's
 * config JSON v6 (and its simple {@code {"flags":{…}}} form); {@code "project"}, {@code "environment"},
 * {@code "features"} or {@code "variables"} is DevCycle's config v2. The first such name decides, so telling the model
 * costs a few tokens, not a second parse. Thread-safe; stateless.
 *
 * @since 0.2.0
 */
public final class FlagConfigs {

    private FlagConfigs() {}

    /**
     * Parses and compiles a config of either model. A broken flag (ConfigCat) or feature (DevCycle) does not make
     * this fail: it evaluates to {@code PARSE_ERROR} and is listed in {@link FlagConfig#problems()}.
     *
     * @param json the config document
     * @return the compiled config
     * @throws ConfigParseException if the document is not JSON or its model's top-level structure is broken; the
     *     message says where and why (a document that names neither model's fields is read as ConfigCat's, as
     *     before the second model existed: {@code {}} is an empty config)
     */
    public static FlagConfig parse(String json) throws ConfigParseException {
        Objects.requireNonNull(json, "json");
        FlagModel model = detect(json).orElse(FlagModel.CONFIGCAT_V6);
        return model == FlagModel.DEVCYCLE_V2 ? DevCycleConfig.parse(json) : ConfigCatConfig.parse(json);
    }

    /**
     * Tells the model of a config document from its first top-level field name that belongs to one model, without
     * building the document.
     *
     * @param json the config document
     * @return the model, or empty when the document is not a JSON object or names neither model's fields
     */
    public static Optional<FlagModel> detect(String json) {
        try (JsonParser parser = ObjectMappers.shared().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                switch (name) {
                    case "f":
                    case "p":
                    case "s":
                    case "flags":
                        return Optional.of(FlagModel.CONFIGCAT_V6);
                    case "project":
                    case "environment":
                    case "features":
                    case "variables":
                        return Optional.of(FlagModel.DEVCYCLE_V2);
                    default:
                        parser.nextToken();
                        parser.skipChildren();
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
