package dev.vexilla.bench;

import dev.vexilla.engine.configcat.ConfigCatConfig;

/**
 * Vexilla's parse and compile of a new config JSON into the immutable snapshot every evaluation reads: Jackson,
 * then the compile step (comparators resolved, numbers, versions and lists prepared, results precomputed).
 */
public class VexillaParse extends ParseBench {

    @Override
    protected Object parse(String configJson) throws Exception {
        return ConfigCatConfig.parse(configJson);
    }

    @Override
    protected int flagCount(Object parsed) {
        return ((ConfigCatConfig) parsed).keys().size();
    }
}
