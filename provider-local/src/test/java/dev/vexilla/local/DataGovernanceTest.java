package dev.vexilla.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

final class DataGovernanceTest {
    @Test
    void baseUrlsAreConfigCatsCdns() {
        assertThat(DataGovernance.GLOBAL.baseUrl()).isEqualTo(URI.create("https://cdn-global.configcat.com"));
        assertThat(DataGovernance.EU.baseUrl()).isEqualTo(URI.create("https://cdn-eu.configcat.com"));
    }
}
