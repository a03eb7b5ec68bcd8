/**
 * Binds the shared steps to the OpenFeature SDK's {@code InMemoryProvider} built from the spec's own
 * {@code test-flags.json}: the reference run that proves the steps themselves read the suites correctly.
 */
@NullMarked
package dev.vexilla.contract.reference;

import org.jspecify.annotations.NullMarked;
