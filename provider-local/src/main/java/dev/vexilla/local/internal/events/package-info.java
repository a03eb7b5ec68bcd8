/**
 * Events pipeline of the local provider: custom events from {@code track} wait in a bounded queue, evaluation
 * counters are pulled from the provider at flush time, and both are posted as one DevCycle-shaped batch to
 * {@code POST {eventsUrl}/v1/events/batch} on the provider's scheduler. Entry points: {@link
 * dev.vexilla.local.internal.events.EventRecorder#create} and {@link
 * dev.vexilla.local.internal.events.EventRecorder#noop()}.
 *
 * <p><b>Not API:</b> everything in this package is internal to Vexilla and may change without notice.
 */
@NullMarked
package dev.vexilla.local.internal.events;

import org.jspecify.annotations.NullMarked;
