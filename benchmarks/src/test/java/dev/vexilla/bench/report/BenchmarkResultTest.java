package dev.vexilla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class BenchmarkResultTest {

    @Test
    void medianOfAnOddCountIsTheMiddleIteration() {
        BenchmarkResult r = new BenchmarkResult("A", "s1_bool", List.of(9.0, 1.0, 5.0, 7.0, 3.0), 5, 1, 0);

        assertThat(r.medianNs()).isEqualTo(5.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleIterations() {
        BenchmarkResult r = new BenchmarkResult("A", "s1_bool", List.of(4.0, 1.0, 2.0, 10.0), 4, 1, 0);

        assertThat(r.medianNs()).isEqualTo(3.0);
    }

    @Test
    void aResultWithoutIterationsIsRejected() {
        assertThatThrownBy(() -> new BenchmarkResult("A", "s1_bool", List.of(), 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A.s1_bool has no measurement iteration");
    }
}
