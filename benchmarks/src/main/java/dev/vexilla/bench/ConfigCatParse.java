package dev.vexilla.bench;

import com.configcat.Config;
import com.google.gson.Gson;

/**
 * ConfigCat's config model ({@link Config}, public) read with Gson, as the SDK does when a new config JSON arrives.
 * The SDK's own entry point ({@code Utils.deserializeConfig}) is package-private; it runs the same Gson mapping and
 * then copies the salt and segments into every setting, which this row leaves out. ConfigCat has no compile step:
 * its evaluator reads this model directly (semantic versions and numbers are parsed during evaluation).
 */
public class ConfigCatParse extends ParseBench {

    private final Gson gson = new Gson();

    @Override
    protected Object parse(String configJson) {
        return gson.fromJson(configJson, Config.class);
    }

    @Override
    protected int flagCount(Object parsed) {
        return ((Config) parsed).getEntries().size();
    }
}
