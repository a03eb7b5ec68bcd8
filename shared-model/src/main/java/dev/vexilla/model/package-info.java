/**
 * The one user/context model and the one meaning of results shared by Vexilla's providers and server.
 *
 * <p>{@link dev.vexilla.model.UserAttributes} is what an evaluation engine reads; {@link dev.vexilla.model.User}
 * is its immutable implementation. {@link dev.vexilla.model.EvaluationResult} is the engine's outcome, with a
 * {@link dev.vexilla.model.ResultReason} and, on failure, an {@link dev.vexilla.model.ErrorKind}.
 */
@NullMarked
package dev.vexilla.model;

import org.jspecify.annotations.NullMarked;
