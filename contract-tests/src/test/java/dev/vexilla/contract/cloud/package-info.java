/**
 * Binds the shared steps to {@code CloudProvider} asking a real bucketing server that serves the translated spec
 * flags. The server and the factory live here; each protocol has its own binding sub-package, which is what a runner
 * adds to its glue.
 */
@NullMarked
package dev.vexilla.contract.cloud;

import org.jspecify.annotations.NullMarked;
