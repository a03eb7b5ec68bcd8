/**
 * The implementation of the local evaluation engine: config compiler, evaluator, evaluation log, hashing and
 * semantic versions. Not API: these types may change without notice.
 */
@NullMarked
package dev.vexilla.local.engine.internal;

import org.jspecify.annotations.NullMarked;
