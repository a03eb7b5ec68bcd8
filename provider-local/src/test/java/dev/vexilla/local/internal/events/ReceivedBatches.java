package dev.vexilla.local.internal.events;

import dev.vexilla.model.ObjectMappers;
import dev.vexilla.model.WirePayloadException;
import dev.vexilla.model.events.EventsBatch;
import dev.vexilla.model.events.RequestEvent;
import dev.vexilla.model.events.UserEvents;
import dev.vexilla.model.testsupport.TestHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Handlers for a {@link TestHttpServer} that read each posted batch, parse it into the DTOs and record it. */
final class ReceivedBatches {
    /** One request as the server saw it. */
    static final class Received {
        final String method;
        final String path;
        final String contentType;
        final String authorization;
        final String payloadId;
        final String body;
        final EventsBatch batch;

        Received(
                String method,
                String path,
                String contentType,
                String authorization,
                String payloadId,
                String body,
                EventsBatch batch) {
            this.method = method;
            this.path = path;
            this.contentType = contentType;
            this.authorization = authorization;
            this.payloadId = payloadId;
            this.body = body;
            this.batch = batch;
        }

        List<RequestEvent> eventsOfUser(String userId) {
            List<RequestEvent> events = new ArrayList<>();
            for (UserEvents u : batch.batch()) {
                if (userId.equals(u.user().userId())) {
                    events.addAll(u.events());
                }
            }
            return events;
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicLong acceptedEvents = new AtomicLong();

    /** Records the request, then answers with the status. Counts the events of 2xx answers. */
    TestHttpServer.Handler respond(int status) {
        return exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            EventsBatch batch;
            try {
                batch = ObjectMappers.read(ObjectMappers.shared(), bytes, EventsBatch.class);
            } catch (WirePayloadException e) {
                throw new IOException("the recorder posted a body that is not an EventsBatch", e);
            }
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst(EventsPoster.PAYLOAD_ID_HEADER),
                    new String(bytes, StandardCharsets.UTF_8),
                    batch));
            if (status >= 200 && status < 300) {
                acceptedEvents.addAndGet(batch.eventCount());
            }
            TestHttpServer.respond(status, "").handle(exchange);
        };
    }

    /** Takes the next received request, waiting at most 10 s. */
    Received take() {
        try {
            Received r = received.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no batch arrived within 10 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Returns the requests received so far and not taken. */
    List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** Returns how many events the server answered with 2xx. */
    long acceptedEvents() {
        return acceptedEvents.get();
    }
}
