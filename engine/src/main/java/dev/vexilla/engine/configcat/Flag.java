package dev.vexilla.engine.configcat;

import dev.vexilla.model.EvaluationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One compiled setting: its rules, options and precomputed results, with its own config salt and segments already
 * bound into its conditions (so a flag moved into another config by an overlay keeps evaluating the same way).
 * Immutable and thread-safe.
 */
final class Flag {

    final String key;
    final SettingType type;
    final Rule[] rules;
    final Option[] options;
    final @Nullable String percentageAttribute;
    final EvaluationResult valueResult;
    final @Nullable String brokenMessage;
    final boolean simple;
    final long definitionHash;
    final List<String> prerequisiteKeys;
    /**
     * Whether an evaluation may read an attribute more than once (two conditions on one attribute, a segment, a
     * prerequisite flag) or reads a version: such evaluations remember their reads in {@link AttributeReads}.
     */
    final boolean repeatsReads;

    Flag(
            String key,
            SettingType type,
            Rule[] rules,
            Option[] options,
            @Nullable String percentageAttribute,
            EvaluationResult valueResult,
            @Nullable String brokenMessage,
            long definitionHash,
            List<String> prerequisiteKeys) {
        this.key = key;
        this.type = type;
        this.rules = rules;
        this.options = options;
        this.percentageAttribute = percentageAttribute;
        this.valueResult = valueResult;
        this.brokenMessage = brokenMessage;
        this.simple = brokenMessage == null && rules.length == 0 && options.length == 0;
        this.definitionHash = definitionHash;
        this.prerequisiteKeys = prerequisiteKeys.isEmpty() ? List.of() : List.copyOf(prerequisiteKeys);
        this.repeatsReads = !simple && repeatsReads(rules);
    }

    private static boolean repeatsReads(Rule[] rules) {
        Set<String> read = new HashSet<>();
        for (Rule rule : rules) {
            for (Condition c : rule.conditions) {
                if (c instanceof UserCondition) {
                    if (!read.add(((UserCondition) c).attribute) || c instanceof VersionCondition) {
                        return true; // a read to share, or a version whose parsed form is worth keeping
                    }
                } else if (c instanceof SegmentCondition || c instanceof PrerequisiteCondition) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the flag key.
     *
     * @return the key
     */
    String key() {
        return key;
    }

    /**
     * Returns the setting type.
     *
     * @return the type
     */
    SettingType type() {
        return type;
    }

    /**
     * Returns a hash of the flag's definition (setting JSON, and the salt and segments it uses).
     *
     * @return the hash
     */
    long definitionHash() {
        return definitionHash;
    }

    /**
     * Returns the keys of the flags this flag's rules name as prerequisites.
     *
     * @return the keys, never null
     */
    List<String> prerequisiteKeys() {
        return prerequisiteKeys;
    }

    /**
     * Returns why the flag cannot be evaluated at all.
     *
     * @return the message, or {@code null} when the flag is usable
     */
    @Nullable
    String brokenMessage() {
        return brokenMessage;
    }

    /**
     * Returns every success result this flag can serve (its value, each rule's value and each percentage option's
     * value), the very instances evaluations return, without duplicates.
     *
     * @return an unmodifiable list; empty for a broken flag
     */
    List<EvaluationResult> successResults() {
        List<EvaluationResult> results = new ArrayList<>();
        addSuccess(results, valueResult);
        for (Rule rule : rules) {
            if (rule.result != null) {
                addSuccess(results, rule.result);
            }
            Option[] ruleOptions = rule.options;
            if (ruleOptions != null) {
                for (Option option : ruleOptions) {
                    addSuccess(results, option.result);
                }
            }
        }
        for (Option option : options) {
            addSuccess(results, option.result);
        }
        return Collections.unmodifiableList(results);
    }

    private static void addSuccess(List<EvaluationResult> results, EvaluationResult result) {
        if (result.isError()) {
            return;
        }
        for (EvaluationResult known : results) {
            if (known == result) {
                return;
            }
        }
        results.add(result);
    }
}
