package dev.vexilla.bench.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One generated DevCycle feature: its variables, variations and targets, written as config v2 JSON by {@link #node()},
 * and the variation the scenario users get ({@link #served(String)}), computed independently of any DevCycle engine.
 *
 * <p>Whether a target's audience matches is known by construction ({@link Target#matches()}): every scenario user has
 * the main user's attributes (they differ only in user id and e-mail, and no filter of the scenarios tells those
 * apart except d2's, which every scenario e-mail passes). Rollouts, distributions and the order of targets are
 * computed as DevCycle's bucketing documents them ({@link ReferenceBucketing}).
 *
 * @param id the feature's {@code _id}
 * @param key the feature key
 * @param variables the variables the variations set, in order
 * @param variations the variations, in order
 * @param targets the targets, in order
 */
record DevCycleFeature(
        String id, String key, List<Variable> variables, List<Variation> variations, List<Target> targets) {

    /** A variable: its {@code _id}, key and DevCycle type ({@code Boolean}, {@code String}, {@code Number}, {@code JSON}). */
    record Variable(String id, String key, String type) {}

    /**
     * A variation and the value it gives each variable.
     *
     * @param id the variation's {@code _id}
     * @param key the variation key
     * @param values variable key to value: Boolean, String, Integer, Double or a {@code Map} (a JSON object)
     */
    record Variation(String id, String key, Map<String, Object> values) {}

    /**
     * One entry of a target's distribution.
     *
     * @param variationId the variation's {@code _id}
     * @param percentage the share, between 0 and 1
     */
    record Share(String variationId, double percentage) {}

    /**
     * A target.
     *
     * @param id the target's {@code _id} (its hash seeds the bucketing)
     * @param filters the audience's filters (joined with {@code and})
     * @param matches whether the audience matches the scenario users
     * @param distribution the distribution, in config order
     * @param rollout the rollout node, or {@code null}
     * @param rolloutPercentage the rollout's current percentage (the last stage's, every stage being in the past), or
     *     {@code NaN} without a rollout
     */
    record Target(
            String id,
            List<ObjectNode> filters,
            boolean matches,
            List<Share> distribution,
            @Nullable ObjectNode rollout,
            double rolloutPercentage) {

        /** A target without a rollout. */
        Target(String id, List<ObjectNode> filters, boolean matches, List<Share> distribution) {
            this(id, filters, matches, distribution, null, Double.NaN);
        }
    }

    /**
     * Returns the variation a scenario user gets: the first target whose audience matches and whose rollout (if any)
     * the user passes, then the distribution entry its bucketing hash falls into.
     *
     * @param userId the user id (the bucketing value)
     * @return the variation, or empty when no target takes the user (DevCycle then serves nothing)
     */
    Optional<Variation> served(String userId) {
        for (Target t : targets) {
            if (!t.matches()) {
                continue;
            }
            if (t.rollout() != null
                    && !ReferenceBucketing.devCyclePassesRollout(t.id(), userId, t.rolloutPercentage())) {
                continue; // passthrough: the next target is tried
            }
            String variationId = ReferenceBucketing.devCycleVariation(t.id(), userId, t.distribution());
            return variations.stream().filter(v -> v.id().equals(variationId)).findFirst();
        }
        return Optional.empty();
    }

    /**
     * Returns the values a scenario user gets, by variable key.
     *
     * @param userId the user id
     * @return the served variation's values, or an empty map when the user is not targeted
     */
    Map<String, Object> servedValues(String userId) {
        return served(userId).map(Variation::values).orElse(Map.of());
    }

    /** Writes the feature as config v2 JSON. */
    ObjectNode node() {
        ObjectNode feature = DevCycleJson.object();
        feature.put("_id", id);
        feature.put("key", key);
        feature.put("type", "release");
        ArrayNode variationNodes = feature.putArray("variations");
        Map<String, String> variableIds = new LinkedHashMap<>();
        variables.forEach(v -> variableIds.put(v.key(), v.id()));
        for (Variation variation : variations) {
            ObjectNode node = variationNodes.addObject();
            node.put("_id", variation.id());
            node.put("key", variation.key());
            node.put("name", variation.key());
            ArrayNode values = node.putArray("variables");
            variation
                    .values()
                    .forEach((variableKey, value) -> values.addObject()
                            .put("_var", variableIds.get(variableKey))
                            .set("value", DevCycleJson.value(value)));
        }
        ObjectNode configuration = feature.putObject("configuration");
        configuration.put("_id", DevCycleJson.id("configuration:" + key));
        ArrayNode targetNodes = configuration.putArray("targets");
        for (Target t : targets) {
            ObjectNode node = targetNodes.addObject();
            node.put("_id", t.id());
            node.set("_audience", DevCycleJson.audience(DevCycleJson.id("audience:" + t.id()), t.filters()));
            ArrayNode distribution = node.putArray("distribution");
            t.distribution()
                    .forEach(s -> distribution
                            .addObject()
                            .put("_variation", s.variationId())
                            .put("percentage", s.percentage()));
            if (t.rollout() != null) {
                node.set("rollout", t.rollout());
            }
        }
        configuration.putObject("forcedUsers");
        return feature;
    }

    /** Writes the feature's variable definitions. */
    List<ObjectNode> variableNodes() {
        List<ObjectNode> nodes = new ArrayList<>();
        variables.forEach(v -> nodes.add(DevCycleJson.variable(v.id(), v.key(), v.type())));
        return nodes;
    }
}
