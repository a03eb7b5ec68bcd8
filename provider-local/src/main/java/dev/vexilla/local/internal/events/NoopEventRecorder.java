package dev.vexilla.local.internal.events;

import dev.vexilla.model.User;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The recorder that ignores everything; stateless, so one instance serves all providers. */
final class NoopEventRecorder implements EventRecorder {
    static final NoopEventRecorder INSTANCE = new NoopEventRecorder();

    private NoopEventRecorder() {}

    @Override
    public void track(String eventName, User user, @Nullable Double value, Map<String, Object> metaData) {
        // events are disabled
    }

    @Override
    public void flush() {
        // nothing to send
    }

    @Override
    public void close() {
        // nothing to stop
    }

    @Override
    public String toString() {
        return "EventRecorder.noop()";
    }
}
