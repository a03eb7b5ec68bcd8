package dev.vexilla.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import dev.vexilla.model.ObjectMappers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JacksonFailuresTest {

    @Test
    void describeUsesJsonTerms() {
        assertThat(JacksonFailures.describe(String.class)).isEqualTo("a string");
        assertThat(JacksonFailures.describe(int.class)).isEqualTo("an integer");
        assertThat(JacksonFailures.describe(Double.class)).isEqualTo("a number");
        assertThat(JacksonFailures.describe(boolean.class)).isEqualTo("a boolean");
        assertThat(JacksonFailures.describe(List.class)).isEqualTo("an array");
        assertThat(JacksonFailures.describe(Map.class)).isEqualTo("an object");
        assertThat(JacksonFailures.describe(null)).isEqualTo("a valid value");
    }

    @Test
    void contextPathQuotesUnusualFieldNames() throws IOException {
        try (JsonParser p = ObjectMappers.shared().createParser("{\"a b\":{\"c\":[0,[1]]}}")) {
            String deepest = null;
            while (p.nextToken() != null) {
                if (p.currentToken().isNumeric() && p.getIntValue() == 1) {
                    deepest = JacksonFailures.contextPath(p.getParsingContext());
                }
            }
            assertThat(deepest).isEqualTo("$['a b'].c[1][0]");
        }
    }

    @Test
    void nonJsonFailureIsStillTyped() {
        assertThat(JacksonFailures.toWirePayloadException(ObjectMappers.shared(), new IOException("disk"))
                        .getMessage())
                .isEqualTo("$: unreadable input (IOException)");
    }
}
