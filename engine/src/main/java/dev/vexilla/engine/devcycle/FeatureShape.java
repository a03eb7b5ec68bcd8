package dev.vexilla.engine.devcycle;

import dev.vexilla.model.ErrorKind;
import dev.vexilla.model.EvaluationResult;
import dev.vexilla.model.ResultDetail;
import dev.vexilla.model.ResultReason;
import org.jspecify.annotations.Nullable;

/**
 * A feature's identity, variations and the values they give the variables the feature serves ("slots"): what a target
 * needs to build its {@link Outcomes}.
 */
final class FeatureShape {

    final String id;
    final String key;
    final String type;
    final String[] variationIds;
    final String[] variationKeys;
    final String[] variationNames;
    /** The keys of the variables this feature serves, in slot order. */
    final String[] slotKeys;
    /**
     * {@code values[variation][slot]}: the value; {@code null} where {@link #problems} has the reason, or where the
     * variation does not set the variable (its users get no value for it).
     */
    final @Nullable Object[][] values;
    /**
     * {@code problems[variation][slot]}: why the variation's value is unusable (wrong type), or {@code null}; a
     * {@code null} row when the variation has no problem.
     */
    final @Nullable String @Nullable [][] problems;

    FeatureShape(
            String id,
            String key,
            String type,
            String[] variationIds,
            String[] variationKeys,
            String[] variationNames,
            String[] slotKeys,
            @Nullable Object[][] values,
            @Nullable String @Nullable [][] problems) {
        this.id = id;
        this.key = key;
        this.type = type;
        this.variationIds = variationIds;
        this.variationKeys = variationKeys;
        this.variationNames = variationNames;
        this.slotKeys = slotKeys;
        this.values = values;
        this.problems = problems;
        this.unset = EvaluationResult.defaulted(ResultDetail.notTargeted(id, key, type));
    }

    /** The result for a variable the chosen variation does not set: no value, as DevCycle gives none. */
    final EvaluationResult unset;

    /** Returns why a variation's value for a slot is unusable, or {@code null}. */
    @Nullable
    String problem(int variation, int slot) {
        String[] row = problems[variation];
        return row == null ? null : row[slot];
    }

    /**
     * Builds what a target serves for one audience variant.
     *
     * @param canon shares the details text with equal ones when called by the compiler; {@code null} when called
     *     during evaluations (lazily built variants)
     */
    Outcomes outcomes(Target target, int variant, @Nullable Canon canon) {
        int entries = target.variationIndexes.length;
        int slots = slotKeys.length;
        ResultReason reason = target.isSplit() ? ResultReason.SPLIT : ResultReason.TARGETING_MATCH;
        String built = target.isSplit()
                ? target.detailsPrefix() + target.audience.details(variant)
                : target.audience.details(variant);
        String text = canon == null ? built : canon.of(built);
        @Nullable ResultDetail[] details = new ResultDetail[entries];
        EvaluationResult[] results = new EvaluationResult[entries * slots];
        for (int e = 0; e < entries; e++) {
            int v = target.variationIndexes[e];
            if (v < 0) {
                EvaluationResult missing = EvaluationResult.error(
                        ErrorKind.PARSE_ERROR,
                        "target '" + target.id + "' of feature '" + key + "' distributes to variation '"
                                + target.variationIds[e] + "', which the feature does not have");
                for (int s = 0; s < slots; s++) {
                    results[e * slots + s] = missing;
                }
                continue;
            }
            ResultDetail detail = ResultDetail.builder()
                    .feature(id, key, type)
                    .variation(variationIds[v], variationKeys[v], variationNames[v])
                    .target(target.id)
                    .reason(reason, text)
                    .build();
            details[e] = detail;
            for (int s = 0; s < slots; s++) {
                Object value = values[v][s];
                String problem = problem(v, s);
                if (value != null) {
                    results[e * slots + s] = EvaluationResult.success(value, variationKeys[v], detail);
                } else {
                    results[e * slots + s] =
                            problem != null ? EvaluationResult.error(ErrorKind.PARSE_ERROR, problem) : unset;
                }
            }
        }
        return new Outcomes(details, results);
    }
}
