package dev.vexilla.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

final class EdgeDbStoresTest {
    @Test
    void validUrls_areAccepted() {
        assertThatCode(() -> EdgeDbStores.validateUrl("memory")).doesNotThrowAnyException();
        assertThatCode(() -> EdgeDbStores.validateUrl("redis://localhost:6379")).doesNotThrowAnyException();
        assertThatCode(() -> EdgeDbStores.validateUrl("rediss://:pw@cache.internal:6380/2"))
                .doesNotThrowAnyException();
    }

    @Test
    void invalidUrls_areRejectedWithoutShowingPasswords() {
        assertThatThrownBy(() -> EdgeDbStores.validateUrl("redis://:hunter2@host"))
                .hasMessageContaining("redis://host:port")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> EdgeDbStores.validateUrl("postgres://h:1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EdgeDbStores.validateUrl("redis://h:1 x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactUrl_hidesUserInfo() {
        assertThat(EdgeDbStores.redactUrl("redis://user:pw@h:1/0")).isEqualTo("redis://****@h:1/0");
        assertThat(EdgeDbStores.redactUrl("redis://h:1")).isEqualTo("redis://h:1");
        assertThat(EdgeDbStores.redactUrl("memory")).isEqualTo("memory");
    }

    @Test
    void create_picksTheStoreTheUrlNames() {
        MetricsRegistry metrics = new MetricsRegistry();
        try (EdgeDbStore memory = EdgeDbStores.create(ServerOptions.builder().build(), Clock.systemUTC(), metrics);
                EdgeDbStore redis = EdgeDbStores.create(
                        ServerOptions.builder().edgeDbUrl("redis://127.0.0.1:1").build(), Clock.systemUTC(), metrics)) {
            assertThat(memory).isInstanceOf(MemoryEdgeDbStore.class);
            assertThat(redis).isInstanceOf(RedisEdgeDbStore.class);
        }
    }
}
