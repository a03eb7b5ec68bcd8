package dev.vexilla.model.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.vexilla.model.testsupport.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ListenerWorkerTest {
    private final List<Integer> ran = new CopyOnWriteArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of(ListenerWorker.class);
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    @Test
    void runsCallbacksInOrderOnItsNamedDaemonThread() {
        ListenerWorker worker = new ListenerWorker("test-listener-order", 10);
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            worker.submit(() -> {
                threads.add(Thread.currentThread().getName()
                        + (Thread.currentThread().isDaemon() ? "/daemon" : ""));
                ran.add(n);
            });
        }

        worker.shutdown(10_000);

        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
        assertThat(threads).containsOnly("test-listener-order/daemon");
    }

    @Test
    void fullQueueDropsAndWarnsOnce() throws Exception {
        ListenerWorker worker = new ListenerWorker("test-listener-full", 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        worker.submit(() -> {
            blocking.countDown();
            awaitQuietly(release);
        });
        assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 10; i++) {
            int n = i;
            worker.submit(() -> ran.add(n));
        }
        release.countDown();
        worker.shutdown(10_000);

        assertThat(ran).containsExactly(0, 1);
        assertThat(logs.messages(Level.WARN)).hasSize(1);
        assertThat(logs.messages(Level.WARN).get(0)).contains("queue of 2 is full");
    }

    @Test
    void throwingCallbackIsLoggedAndTheNextOneStillRuns() {
        ListenerWorker worker = new ListenerWorker("test-listener-throw", 10);

        worker.submit(() -> {
            throw new IllegalStateException("boom");
        });
        worker.submit(() -> ran.add(1));
        worker.shutdown(10_000);

        assertThat(ran).containsExactly(1);
        assertThat(logs.allText()).contains("Stream listener threw an exception", "boom");
    }

    @Test
    void shutdownEndsTheThreadAndLaterSubmissionsAreIgnoredSilently() {
        ListenerWorker worker = new ListenerWorker("test-listener-shutdown", 10);
        worker.submit(() -> ran.add(1));

        worker.shutdown(10_000);
        worker.submit(() -> ran.add(2));

        assertThat(ran).containsExactly(1);
        assertThat(logs.events()).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("test-listener-shutdown")));
    }

    @Test
    void shutdownFromTheWorkerThreadDoesNotWaitForItself() {
        ListenerWorker worker = new ListenerWorker("test-listener-self", 10);
        worker.submit(() -> {
            worker.shutdown(60_000);
            ran.add(worker.isWorkerThread() ? 1 : 0);
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 1);
        assertThat(ran).containsExactly(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
