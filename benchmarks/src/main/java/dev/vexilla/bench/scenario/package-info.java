/**
 * The benchmark scenarios: the users, the generated ConfigCat config JSON v6 and its flagd equivalent, the values
 * every implementation must return, and reference bucketing used to check them.
 *
 * <p>Everything here is deterministic: the same code always produces the same bytes, so results of different runs
 * compare like for like.
 */
@NullMarked
package dev.vexilla.bench.scenario;

import org.jspecify.annotations.NullMarked;
