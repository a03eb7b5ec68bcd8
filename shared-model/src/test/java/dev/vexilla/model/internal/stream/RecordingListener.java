package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what an {@link SseClient} reports, with blocking takes for the test thread. */
final class RecordingListener implements StreamListener {
    final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<StreamStatus> statuses = new LinkedBlockingQueue<>();
    final CopyOnWriteArrayList<StreamStatus> allStatuses = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<String> comments = new CopyOnWriteArrayList<>();
    final CopyOnWriteArrayList<String> threadNames = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SseEvent event) {
        threadNames.add(Thread.currentThread().getName());
        events.add(event);
    }

    @Override
    public void onStatus(StreamStatus status) {
        threadNames.add(Thread.currentThread().getName());
        allStatuses.add(status);
        statuses.add(status);
    }

    @Override
    public void onComment(String comment) {
        comments.add(comment);
    }

    SseEvent takeEvent() throws InterruptedException {
        SseEvent event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    StreamStatus takeStatus() throws InterruptedException {
        StreamStatus status = statuses.poll(10, TimeUnit.SECONDS);
        assertThat(status).as("a status within 10 s").isNotNull();
        return status;
    }

    StreamStatus takeStatus(StreamStatus.State expected) throws InterruptedException {
        StreamStatus status = takeStatus();
        assertThat(status.state()).as("state of %s", status).isEqualTo(expected);
        return status;
    }
}
