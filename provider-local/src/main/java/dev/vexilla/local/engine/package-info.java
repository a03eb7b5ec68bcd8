/**
 * The local evaluation engine: compiles ConfigCat config JSON v6 into an immutable snapshot and evaluates flags.
 *
 * <p>{@link dev.vexilla.local.engine.CompiledConfig} is the entry point. Its evaluation log goes to the SLF4J logger
 * {@value dev.vexilla.local.engine.CompiledConfig#EVALUATION_LOGGER}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.vexilla.local.engine;

import org.jspecify.annotations.NullMarked;
