package dev.vexilla.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vexilla.model.ObjectMappers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class JsonSafeValuesTest {
    /** A value Jackson refuses to serialise (no properties). */
    private static final class Opaque {
        @Override
        public String toString() {
            return "opaque!";
        }
    }

    @Test
    void plainJsonValuesAreKept() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("s", "text");
        in.put("b", true);
        in.put("i", 3);
        in.put("l", 4L);
        in.put("d", 1.5);
        in.put("big", new BigDecimal("1.25"));
        in.put("n", null);

        assertThat(JsonSafeValues.copyOf(in)).isEqualTo(in);
    }

    @Test
    void oddValuesBecomeTextOrNullAndNestingIsCopied() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("opaque", new Opaque());
        in.put("when", Instant.parse("2026-11-22T03:00:00Z"));
        in.put("nan", Double.NaN);
        in.put("atomic", new AtomicInteger(7));
        in.put("list", List.of(1, new Opaque()));
        in.put("array", new int[] {1, 2});
        in.put("map", Map.of("k", new Opaque()));

        Map<String, Object> out = JsonSafeValues.copyOf(in);

        assertThat(out)
                .containsEntry("opaque", "opaque!")
                .containsEntry("when", "2026-11-22T03:00:00Z")
                .containsEntry("nan", null)
                .containsEntry("atomic", "7")
                .containsEntry("list", List.of(1, "opaque!"))
                .containsEntry("array", List.of(1, 2))
                .containsEntry("map", Map.of("k", "opaque!"));
    }

    @Test
    void theCopyAlwaysSerialisesEvenWhenTheOriginalCannot() throws JsonProcessingException {
        Map<String, Object> in = new HashMap<>();
        in.put("opaque", new Opaque());
        List<Object> deep = new ArrayList<>();
        List<Object> cursor = deep;
        for (int i = 0; i < 20; i++) {
            List<Object> next = new ArrayList<>();
            cursor.add(next);
            cursor = next;
        }
        in.put("deep", deep);

        String json = ObjectMappers.shared().writeValueAsString(JsonSafeValues.copyOf(in));

        assertThat(json).contains("\"opaque\":\"opaque!\"");
    }

    @Test
    void nonFiniteValuesBecomeNull() {
        assertThat(JsonSafeValues.finiteOrNull(Double.POSITIVE_INFINITY)).isNull();
        assertThat(JsonSafeValues.finiteOrNull(Double.NaN)).isNull();
        assertThat(JsonSafeValues.finiteOrNull(null)).isNull();
        assertThat(JsonSafeValues.finiteOrNull(2.5)).isEqualTo(2.5);
    }
}
