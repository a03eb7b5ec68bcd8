package dev.vexilla.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * One JMH result in throughput mode, converted to operations per second summed over the benchmark threads.
 *
 * @param implementation the benchmark class's simple name ({@code VexillaBucketingScaling}, ...)
 * @param scenario the benchmark method's name ({@code s2_oneRule_8threads}, ...)
 * @param threads the number of benchmark threads
 * @param iterationsOps every measurement iteration of every fork, in ops/s
 * @param meanOps JMH's score, in ops/s
 * @param errorOps JMH's 99.9% score error, in ops/s; {@code NaN} when JMH could not compute it
 * @param bytesPerOp {@code gc.alloc.rate.norm} in B/op; {@code NaN} when the run had no {@code -prof gc}
 */
public record ThroughputResult(
        String implementation,
        String scenario,
        int threads,
        List<Double> iterationsOps,
        double meanOps,
        double errorOps,
        double bytesPerOp) {

    /**
     * Creates a result, copying the iterations.
     *
     * @param implementation the implementation
     * @param scenario the scenario
     * @param threads the benchmark threads, at least one
     * @param iterationsOps the iterations in ops/s, at least one
     * @param meanOps the mean in ops/s
     * @param errorOps the error in ops/s, or {@code NaN}
     * @param bytesPerOp the allocation per operation, or {@code NaN}
     * @throws IllegalArgumentException if there is no iteration or no thread
     */
    public ThroughputResult {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(scenario, "scenario");
        if (iterationsOps.isEmpty()) {
            throw new IllegalArgumentException(implementation + "." + scenario + " has no measurement iteration");
        }
        if (threads < 1) {
            throw new IllegalArgumentException(
                    implementation + "." + scenario + " threads must be >= 1, was " + threads);
        }
        iterationsOps = List.copyOf(iterationsOps);
    }

    /**
     * Returns the median of the iterations (the mean of the two middle ones for an even count).
     *
     * @return the median in ops/s
     */
    public double medianOps() {
        return BenchmarkResult.median(iterationsOps);
    }
}
