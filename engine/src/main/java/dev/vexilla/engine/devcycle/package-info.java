/**
 * DevCycle's config v2 flag model: {@link dev.vexilla.engine.devcycle.DevCycleConfig} parses and compiles a config
 * into an immutable snapshot that evaluates variables for a user exactly as DevCycle's current local-bucketing engine
 * does, without locks and, on the common paths, without allocating. {@link
 * dev.vexilla.engine.devcycle.DevCycleEnvironment} holds what an evaluation needs besides the config and the user:
 * the clock for rollouts, the SDK platform and the client custom data. Everything else in this package is
 * package-private.
 */
@NullMarked
package dev.vexilla.engine.devcycle;

import org.jspecify.annotations.NullMarked;
