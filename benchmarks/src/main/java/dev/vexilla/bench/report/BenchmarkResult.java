package dev.vexilla.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One JMH result in average-time mode, times converted to nanoseconds per operation.
 *
 * @param implementation the benchmark class's simple name (a column: {@code ConfigCatRaw}, ...)
 * @param scenario the benchmark method's name (a row: {@code s1_bool}, ...)
 * @param iterationsNs every measurement iteration of every fork, in ns/op
 * @param meanNs JMH's score, in ns/op
 * @param errorNs JMH's 99.9% score error, in ns/op; {@code NaN} when JMH could not compute it (one iteration)
 * @param bytesPerOp {@code gc.alloc.rate.norm} in B/op; {@code NaN} when the run had no {@code -prof gc}
 */
public record BenchmarkResult(
        String implementation,
        String scenario,
        List<Double> iterationsNs,
        double meanNs,
        double errorNs,
        double bytesPerOp) {

    /**
     * Creates a result, copying the iterations.
     *
     * @param implementation the implementation (column)
     * @param scenario the scenario (row)
     * @param iterationsNs the iterations in ns/op, at least one
     * @param meanNs the mean in ns/op
     * @param errorNs the error in ns/op, or {@code NaN}
     * @param bytesPerOp the allocation per operation, or {@code NaN}
     * @throws IllegalArgumentException if there is no iteration
     */
    public BenchmarkResult {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(scenario, "scenario");
        if (iterationsNs.isEmpty()) {
            throw new IllegalArgumentException(implementation + "." + scenario + " has no measurement iteration");
        }
        iterationsNs = List.copyOf(iterationsNs);
    }

    /**
     * Returns the median of the iterations (the mean of the two middle ones for an even count).
     *
     * @return the median in ns/op
     */
    public double medianNs() {
        return median(iterationsNs);
    }

    /**
     * Returns the median of some values (the mean of the two middle ones for an even count).
     *
     * @param values at least one value
     * @return the median
     */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
