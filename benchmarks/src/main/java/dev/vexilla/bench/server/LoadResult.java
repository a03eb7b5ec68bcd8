package dev.vexilla.bench.server;

/**
 * The outcome of one load run.
 *
 * @param connections concurrent keep-alive connections
 * @param requests requests completed in the measured window
 * @param errors requests that failed or answered an unexpected status
 * @param seconds length of the measured window
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 */
record LoadResult(int connections, long requests, long errors, double seconds, double p50Millis, double p99Millis) {

    /** Requests per second in the measured window. */
    double throughput() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
