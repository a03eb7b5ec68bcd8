/** Servers sharing one Redis config store, observed through {@code LocalProvider}s connected to them. */
@NullMarked
package dev.vexilla.contract.store;

import org.jspecify.annotations.NullMarked;
