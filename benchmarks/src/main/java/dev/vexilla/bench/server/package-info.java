/**
 * Throughput and latency of the bucketing server's evaluation routes on loopback, measured by a small keep-alive load
 * generator ({@link dev.vexilla.bench.server.LoadGenerator}) beside a trivial "hello" handler on the same Jetty 12
 * library in the same run (the floor). Run {@link dev.vexilla.bench.server.ServerThroughput#main(String[])}. Not API.
 */
@NullMarked
package dev.vexilla.bench.server;

import org.jspecify.annotations.NullMarked;
