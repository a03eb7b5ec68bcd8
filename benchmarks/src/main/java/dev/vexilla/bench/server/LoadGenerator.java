package dev.vexilla.bench.server;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for loopback: {@code n} threads, each with one keep-alive connection, send the same
 * request back to back for a warm-up period and then a measured period, recording every measured latency.
 *
 * <p>Bounded on purpose: each connection records at most {@link #MAX_SAMPLES_PER_CONNECTION} latencies and stops
 * early when it has them; the run never lasts longer than warm-up plus measurement plus the 10 s read timeout. Only
 * loopback addresses are accepted. Not thread-safe; one run at a time.
 */
final class LoadGenerator {
    /** Upper bound of latencies kept per connection (and so of requests measured per connection). */
    static final int MAX_SAMPLES_PER_CONNECTION = 2_000_000;

    private final InetSocketAddress target;

    LoadGenerator(InetSocketAddress target) {
        this.target = Objects.requireNonNull(target, "target");
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the load generator only targets loopback, was " + target);
        }
    }

    /**
     * Runs the load.
     *
     * @param request the encoded HTTP/1.1 request
     * @param expectedStatus the status every response must have
     * @param connections concurrent connections, each on its own thread
     * @param warmupMillis warm-up period, not measured
     * @param measureMillis measured period
     * @return the result
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    LoadResult run(byte[] request, int expectedStatus, int connections, long warmupMillis, long measureMillis)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000;
        long measureUntil = measureFrom + measureMillis * 1_000_000;
        AtomicLong errors = new AtomicLong();
        long[][] samples = new long[connections][];
        int[] counts = new int[connections];
        CountDownLatch done = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            samples[c] = new long[1 << 16];
            int index = c;
            Thread thread = new Thread(
                    () -> {
                        try {
                            counts[index] =
                                    drive(request, expectedStatus, measureFrom, measureUntil, samples, index, errors);
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        done.await();
        return summarize(connections, samples, counts, errors.get(), measureMillis / 1000.0);
    }

    private int drive(
            byte[] request,
            int expectedStatus,
            long measureFrom,
            long measureUntil,
            long[][] samples,
            int index,
            AtomicLong errors) {
        int n = 0;
        KeepAliveConnection connection = null;
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= measureUntil || n >= MAX_SAMPLES_PER_CONNECTION) {
                    return n;
                }
                if (connection == null) {
                    connection = new KeepAliveConnection(target);
                }
                int status;
                try {
                    status = connection.exchange(request);
                } catch (java.io.IOException e) {
                    errors.incrementAndGet();
                    connection.close();
                    connection = null;
                    continue;
                }
                long end = System.nanoTime();
                if (now >= measureFrom) {
                    if (status != expectedStatus) {
                        errors.incrementAndGet();
                    }
                    long[] own = samples[index];
                    if (n == own.length) {
                        own = Arrays.copyOf(own, Math.min(MAX_SAMPLES_PER_CONNECTION, own.length * 2));
                        samples[index] = own;
                    }
                    own[n++] = end - now;
                }
            }
        } catch (java.io.IOException e) {
            errors.incrementAndGet();
            return n;
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (java.io.IOException ignored) {
                    // closing a loopback socket: nothing to do
                }
            }
        }
    }

    private static LoadResult summarize(int connections, long[][] samples, int[] counts, long errors, double seconds) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new LoadResult(connections, total, errors, seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
