/**
 * The ConfigCat flag model: compiles ConfigCat config JSON v6 into an immutable {@link
 * dev.vexilla.engine.configcat.ConfigCatConfig} and evaluates its settings exactly as ConfigCat's SDKs do (targeting
 * rules, segments, prerequisite flags, percentage options).
 *
 * <p>{@link dev.vexilla.engine.configcat.ConfigCatConfig} is the entry point; {@link
 * dev.vexilla.engine.configcat.CompiledFlag}, {@link dev.vexilla.engine.configcat.SettingType}, {@link
 * dev.vexilla.engine.configcat.Preferences} and {@link dev.vexilla.engine.configcat.OverrideBehaviour} complete the
 * API. Every other type of this package (compiler, evaluator, conditions, hashing, semantic versions, the evaluation
 * log) is package-private. The evaluation log goes to the SLF4J logger {@value
 * dev.vexilla.engine.configcat.ConfigCatConfig#EVALUATION_LOGGER}.
 *
 * @since 0.2.0
 */
@NullMarked
package dev.vexilla.engine.configcat;

import org.jspecify.annotations.NullMarked;
