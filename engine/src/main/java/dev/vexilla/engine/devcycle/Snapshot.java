package dev.vexilla.engine.devcycle;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** The compiled, immutable content of one config: what every {@link DevCycleConfig} view of it shares. */
final class Snapshot {

    final Map<String, Variable> variables;
    /** The variables in key order. */
    final Variable[] ordered;
    /** The evaluable features in key order (for a key used twice, the later feature in config order). */
    final Feature[] features;
    /** Every feature in config order, broken ones included. */
    final Feature[] inConfigOrder;
    /** {@code slotVariables[feature.index][slot]}: the index in {@link #ordered} of the slot's variable. */
    final int[][] slotVariables;

    final Set<String> keys;
    final Map<String, String> problems;
    final String contentHash;
    final String projectId;
    final String projectKey;
    final String environmentId;
    final String environmentKey;

    Snapshot(
            NavigableMap<String, Variable> variables,
            NavigableMap<String, Feature> features,
            Feature[] inConfigOrder,
            Map<String, String> problems,
            String contentHash,
            String projectId,
            String projectKey,
            String environmentId,
            String environmentKey) {
        this.variables = new java.util.HashMap<>(variables);
        this.ordered = variables.values().toArray(new Variable[0]);
        this.features = features.values().toArray(new Feature[0]);
        this.inConfigOrder = inConfigOrder;
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < ordered.length; i++) {
            positions.put(ordered[i].key, i);
        }
        this.slotVariables = new int[inConfigOrder.length][];
        for (Feature f : inConfigOrder) {
            String[] slots = f.shape.slotKeys;
            int[] indexes = new int[slots.length];
            for (int s = 0; s < slots.length; s++) {
                indexes[s] = positions.get(slots[s]);
            }
            slotVariables[f.index] = indexes;
        }
        this.keys = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(variables.keySet()));
        this.problems = Collections.unmodifiableSortedMap(new TreeMap<>(problems));
        this.contentHash = contentHash;
        this.projectId = projectId;
        this.projectKey = projectKey;
        this.environmentId = environmentId;
        this.environmentKey = environmentKey;
    }
}
