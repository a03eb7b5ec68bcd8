package dev.vexilla.local.internal.provider;

import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.internal.events.EvaluationCountSource;
import dev.vexilla.local.internal.events.EventRecorder;
import dev.vexilla.local.internal.events.NoopEventRecorder;
import java.util.Objects;

/** Chooses the events recorder of a provider. Static only. */
public final class EventRecorders {

    private EventRecorders() {}

    /**
     * Returns the recorder for the options: a no-op one when no events URL is set or both kinds of events are off.
     * The flushing pipeline plugs in here once it is available; until then every provider gets the no-op recorder.
     *
     * @param options the provider options
     * @param counts the evaluation counters the recorder drains
     * @return the recorder, never null
     */
    public static EventRecorder create(LocalOptions options, EvaluationCountSource counts) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(counts, "counts");
        return NoopEventRecorder.INSTANCE;
    }
}
