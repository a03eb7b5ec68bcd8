package dev.vexilla.local.internal.events;

import dev.vexilla.model.User;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EventRecorder} that sends nothing: used when no events URL is configured or events are turned off.
 *
 * @since 0.1.0
 */
public final class NoopEventRecorder implements EventRecorder {

    /** The shared instance; it holds no state. */
    public static final NoopEventRecorder INSTANCE = new NoopEventRecorder();

    private NoopEventRecorder() {}

    @Override
    public void track(String eventName, User user, @Nullable Double value, Map<String, Object> metaData) {
        // nothing is sent
    }

    @Override
    public void flush() {
        // nothing is queued
    }

    @Override
    public void close() {
        // nothing to release
    }
}
