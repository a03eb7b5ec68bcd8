package dev.vexilla.bench;

import com.configcat.Config;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * ConfigCat's parse of a new config JSON: Gson, configured as the SDK configures it, maps the text onto the public
 * model ({@link Config}).
 *
 * <p>The SDK's entry point ({@code Utils.deserializeConfig}) is package-private. After the same Gson mapping it copies
 * the salt and the segments into every setting. This row leaves that loop out: the salt sits in the package-private
 * {@code Preferences}, and the loop is one pair of field writes per flag, negligible next to the parse. ConfigCat has
 * no compile step either. Its evaluator reads this model directly and parses semantic versions and numbers during
 * each evaluation.
 */
public class ConfigCatParse extends ParseBench {

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    @Override
    protected Object parse(String configJson) {
        return gson.fromJson(configJson, Config.class);
    }

    @Override
    protected int flagCount(Object parsed) {
        return ((Config) parsed).getEntries().size();
    }
}
