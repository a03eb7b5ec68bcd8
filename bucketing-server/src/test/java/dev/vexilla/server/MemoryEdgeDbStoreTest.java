package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vexilla.model.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MemoryEdgeDbStoreTest {
    private final MetricsRegistry metrics = new MetricsRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));

    @Test
    void putThenGet_returnsTheFields() {
        MemoryEdgeDbStore store = new MemoryEdgeDbStore(10, Duration.ZERO, clock, metrics);

        store.put("u1", Map.of("email", "a@b.c", "customData", Map.of("plan", "gold")));

        assertThat(store.get("u1")).hasValue(Map.of("email", "a@b.c", "customData", Map.of("plan", "gold")));
        assertThat(store.get("u2")).isEmpty();
        assertThat(EdgeDbStores.operationsCounter(metrics).value("memory", "get", "hit"))
                .isEqualTo(1);
        assertThat(EdgeDbStores.operationsCounter(metrics).value("memory", "get", "miss"))
                .isEqualTo(1);
    }

    @Test
    void storedFieldsAreACopyTheCallerCannotChange() {
        MemoryEdgeDbStore store = new MemoryEdgeDbStore(10, Duration.ZERO, clock, metrics);
        Map<String, Object> fields = new HashMap<>();
        List<Object> list = new ArrayList<>(List.of("a"));
        fields.put("list", list);

        store.put("u", fields);
        list.add("b");
        fields.put("x", 1);

        assertThat(store.get("u")).hasValue(Map.of("list", List.of("a")));
        assertThatThrownBy(() -> store.get("u").orElseThrow().put("y", 2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void beyondMaxEntries_theLeastRecentlyUsedIsEvicted() {
        MemoryEdgeDbStore store = new MemoryEdgeDbStore(2, Duration.ZERO, clock, metrics);
        store.put("a", Map.of());
        store.put("b", Map.of());
        store.get("a");

        store.put("c", Map.of());

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.get("b")).isEmpty();
        assertThat(store.get("a")).isPresent();
        assertThat(store.get("c")).isPresent();
    }

    @Test
    void entriesExpireTtlAfterTheirLastWrite() {
        MemoryEdgeDbStore store = new MemoryEdgeDbStore(10, Duration.ofMinutes(5), clock, metrics);
        store.put("u", Map.of("k", "v"));

        clock.advance(Duration.ofMinutes(4));
        assertThat(store.get("u")).isPresent();
        store.put("u", Map.of("k", "v2"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(store.get("u")).hasValue(Map.of("k", "v2"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(store.get("u")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void close_dropsEverythingAndIsIdempotent() {
        MemoryEdgeDbStore store = new MemoryEdgeDbStore(10, Duration.ZERO, clock, metrics);
        store.put("u", Map.of());

        store.close();
        store.close();

        assertThat(store.size()).isZero();
    }
}
