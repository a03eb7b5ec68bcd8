package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class DemoTableTest {
    @Test
    void columnsAreAsWideAsTheirWidestCellAndTrailingSpacesAreTrimmed() {
        DemoTable table = new DemoTable(List.of("a", "bb"));
        table.add(List.of("long cell", "x"));

        assertThat(table.render()).isEqualTo("a         | bb\n" + "--------------\n" + "long cell | x\n");
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsRejected() {
        DemoTable table = new DemoTable(List.of("a", "b"));

        assertThatThrownBy(() -> table.add(List.of("only one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row must have 2 cells, had 1: [only one]");
    }

    @Test
    void emptyHeaderIsRejected() {
        assertThatThrownBy(() -> new DemoTable(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header must have at least one column");
    }
}
