package dev.vexilla.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class HooksExampleTest {
    @Test
    void hookSeesValueVariantReasonAndMetadataOfEachEvaluation() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        HooksExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(2, 4))
                .containsExactlyElementsOf(lines.subList(0, 2).stream()
                        .map(line -> line.replace("[local] Vexilla Local", "[cloud] Vexilla Cloud"))
                        .toList());
        assertThat(lines.get(0))
                .startsWith("[local] Vexilla Local supportTier=priority variant=5e7c1e01 reason=TARGETING_MATCH"
                        + " ruleIndex=0 version=");
        assertThat(lines.get(1))
                .matches("\\[local] Vexilla Local newDashboard=(true|false) variant=d45b0a0[12] reason=SPLIT"
                        + " percentageOptionIndex=[01] version=\\S+");
    }
}
