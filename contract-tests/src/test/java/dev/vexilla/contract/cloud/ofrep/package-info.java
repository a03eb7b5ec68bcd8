/** Binds the shared steps to {@code CloudProvider} over OFREP. */
@NullMarked
package dev.vexilla.contract.cloud.ofrep;

import org.jspecify.annotations.NullMarked;
