package dev.vexilla.local.internal.provider;

import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.local.internal.events.EvaluationCountSource;
import dev.vexilla.local.internal.events.EventOptions;
import dev.vexilla.local.internal.events.EventRecorder;
import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jspecify.annotations.Nullable;

/** Chooses and builds the events recorder of a provider. Static only. */
final class EventRecorders {

    private EventRecorders() {}

    /**
     * Tells whether a provider with these options sends events at all: it needs an events URL, an SDK key, the
     * network (not LOCAL_ONLY overrides) and at least one kind of event turned on.
     */
    static boolean enabled(LocalOptions options, boolean network) {
        return network
                && options.eventsUrl() != null
                && options.sdkKey() != null
                && !(options.disableAutomaticEventLogging() && options.disableCustomEventLogging());
    }

    /**
     * Returns the recorder for the options: the batching pipeline posting to {@code {eventsUrl}/v1/events/batch} on
     * the provider's HTTP client and scheduler (in DevCycle's format exactly for {@link ConfigProtocol#DEVCYCLE}), or
     * the no-op recorder when events are not {@link #enabled}.
     */
    static EventRecorder create(
            LocalOptions options,
            EvaluationCountSource counts,
            @Nullable CloseableHttpClient http,
            ScheduledExecutorService scheduler) {
        URI eventsUrl = options.eventsUrl();
        String sdkKey = options.sdkKey();
        if (http == null || eventsUrl == null || sdkKey == null || !enabled(options, true)) {
            return EventRecorder.noop();
        }
        EventOptions eventOptions = EventOptions.builder(eventsUrl, sdkKey)
                .flushInterval(options.eventFlushInterval())
                .flushQueueSize(options.eventFlushQueueSize())
                .maxQueueSize(options.eventMaxQueueSize())
                .chunkSize(options.eventChunkSize())
                .devCycleFormat(options.configProtocol() == ConfigProtocol.DEVCYCLE)
                .requestTimeout(options.readTimeout())
                .disableAutomaticEventLogging(options.disableAutomaticEventLogging())
                .disableCustomEventLogging(options.disableCustomEventLogging())
                .clientCustomData(options.clientCustomData())
                .build();
        return EventRecorder.create(eventOptions, http, counts, scheduler, options.clock());
    }
}
