/**
 * Implementation details of the shared model: context views, value conversion and JSON helpers.
 *
 * <p><strong>Not API:</strong> everything here may change without notice. Other modules must use the public types in
 * {@code dev.vexilla.model} and its wire sub-packages.
 */
@NullMarked
package dev.vexilla.model.internal;

import org.jspecify.annotations.NullMarked;
