/** Binds the shared steps to {@code LocalProvider}, loaded from the translated config JSON v6 file. */
@NullMarked
package dev.vexilla.contract.local;

import org.jspecify.annotations.NullMarked;
