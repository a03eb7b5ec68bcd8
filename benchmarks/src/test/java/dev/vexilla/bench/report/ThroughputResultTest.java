package dev.vexilla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ThroughputResultTest {

    @Test
    void medianIsTheMiddleIteration() {
        ThroughputResult r = new ThroughputResult("A", "s2", 8, List.of(300.0, 100.0, 200.0), 200, 50, 0);

        assertThat(r.medianOps()).isEqualTo(200.0);
    }

    @Test
    void aResultWithoutIterationsIsRejected() {
        assertThatThrownBy(() -> new ThroughputResult("A", "s2", 1, List.of(), 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A.s2 has no measurement iteration");
    }

    @Test
    void aResultWithoutThreadsIsRejected() {
        assertThatThrownBy(() -> new ThroughputResult("A", "s2", 0, List.of(1.0), 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A.s2 threads must be >= 1, was 0");
    }
}
