package dev.vexilla.engine.devcycle;

import dev.vexilla.model.EvaluationResult;
import org.jspecify.annotations.Nullable;

/**
 * A compiled variable: the feature that serves it (the first feature, in config order, with a variation that sets
 * it), its slot there, and its precomputed non-served results.
 */
final class Variable {

    final String key;
    final String id;
    /** The feature serving the variable, or {@code null} when no feature sets it. */
    final @Nullable Feature owner;

    final int slot;
    /** The result of a user no target takes ("User Not Targeted"). */
    final EvaluationResult notTargeted;
    /** The error of a broken variable or owner, or {@code null}. */
    final @Nullable EvaluationResult broken;
    /** Changes when the variable, its owner feature or anything they share changes. */
    final long fingerprint;

    Variable(
            String key,
            String id,
            @Nullable Feature owner,
            int slot,
            EvaluationResult notTargeted,
            @Nullable EvaluationResult broken,
            long fingerprint) {
        this.key = key;
        this.id = id;
        this.owner = owner;
        this.slot = slot;
        this.notTargeted = notTargeted;
        this.broken = broken;
        this.fingerprint = fingerprint;
    }
}
