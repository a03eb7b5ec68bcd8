package dev.vexilla.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.ImmutableContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PROVIDER_CONFIGURATION_CHANGED} from the server's change stream, against a real server whose config file
 * the test replaces.
 */
final class CloudProviderChangeEventsTest {
    private static final ImmutableContext ADA = new ImmutableContext("u-1");

    @TempDir
    Path dir;

    private static CloudOptions.Builder options(URI base) {
        return CloudOptions.builder()
                .sdkKey(TestServer.KEY)
                .baseUrl(base)
                .requestTimeout(Duration.ofSeconds(5))
                .environment(Map.of());
    }

    @Test
    void aChangedConfigEmitsConfigurationChangedWithTheChangedFlagsWithoutACache() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider provider = new CloudProvider(options(server.baseUri()).build());
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                assertThat(server.openStreams())
                        .as("initialize waits for the stream's first connection")
                        .isOne();

                server.publish(5);

                EventDetails change = events.nextChange();
                assertThat(change.getFlagsChanged()).containsExactly(TestServer.JSON_FLAG);
                assertThat(change.getProviderName()).isEqualTo(CloudProvider.NAME);
                assertThat(events.client()
                                .getObjectValue(TestServer.JSON_FLAG, new dev.openfeature.sdk.Value(), ADA)
                                .asStructure()
                                .getValue("columns")
                                .asInteger())
                        .isEqualTo(5);
            }
        }
    }

    @Test
    void aNewVersionThatChangesNoFlagEmitsNothing() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider provider = new CloudProvider(options(server.baseUri()).build());
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                server.awaitOpenStreams(1);

                server.publishSameFlags();
                server.awaitServing("}\n\n");
                server.publish(7);

                // the first event is the second change's: the first version changed no flag
                assertThat(events.nextChange().getFlagsChanged()).containsExactly(TestServer.JSON_FLAG);
                assertThat(events.changes()).isEmpty();
            }
        }
    }

    @Test
    void aChangeMadeWhileTheStreamWasAwayIsAnnouncedOnReconnectWithoutFlagsChanged() throws Exception {
        try (TestServer server = TestServer.start(dir);
                FaultProxy proxy = new FaultProxy(server.port())) {
            CloudProvider provider = new CloudProvider(options(proxy.baseUri()).build());
            try (ProviderEvents events = new ProviderEvents(provider, true)) {
                server.awaitOpenStreams(1);

                proxy.mode(FaultProxy.Mode.RESET);
                server.awaitOpenStreams(0);
                server.publish(9);
                server.awaitServing("{\\\"columns\\\":9}");
                proxy.mode(FaultProxy.Mode.FORWARD);

                EventDetails change = events.nextChange();
                assertThat(change.getFlagsChanged())
                        .as("the server cannot tell which flags changed")
                        .isNull();
                assertThat(change.getMessage()).contains("did not say which flags");
            }
        }
    }

    @Test
    void withTheChangeStreamOffTheProviderOpensNoStreamAndEmitsNoChange() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            CloudProvider quiet = new CloudProvider(
                    options(server.baseUri()).changeStream(false).build());
            CloudProvider listening =
                    new CloudProvider(options(server.baseUri()).build());
            try (ProviderEvents quietEvents = new ProviderEvents(quiet, true);
                    ProviderEvents listeningEvents = new ProviderEvents(listening, true)) {
                server.awaitOpenStreams(1);

                server.publish(4);

                assertThat(listeningEvents.nextChange().getFlagsChanged()).containsExactly(TestServer.JSON_FLAG);
                server.awaitOpenStreams(1);
                assertThat(quietEvents.changes()).isEmpty();
            }
        }
    }
}
