package dev.vexilla.model.internal.stream;

import java.util.ArrayList;
import java.util.List;

/** Records what a parser reports, in order, as readable strings. */
final class RecordingHandler implements EventStreamParser.Handler {
    final List<SseEvent> events = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final List<Long> retries = new ArrayList<>();
    final List<String> discarded = new ArrayList<>();

    @Override
    public void onEvent(SseEvent event) {
        events.add(event);
    }

    @Override
    public void onComment(String comment) {
        comments.add(comment);
    }

    @Override
    public void onRetry(long millis) {
        retries.add(millis);
    }

    @Override
    public void onDiscarded(String reason) {
        discarded.add(reason);
    }
}
