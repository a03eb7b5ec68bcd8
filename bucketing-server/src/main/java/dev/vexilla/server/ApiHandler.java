package dev.vexilla.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's single Jetty handler: matches the path to an endpoint, checks the method (405 with {@code Allow}),
 * runs the route, turns {@link HttpError}s and unexpected exceptions into JSON errors, and counts every request by
 * route template and status in {@code vexilla_http_requests_total} and its duration, from the handler until the
 * response is complete, in {@code vexilla_http_request_duration_seconds}. Unknown paths get a JSON 404.
 *
 * <p><b>Requests in progress.</b> Route code runs on Jetty's worker threads and may block (EdgeDB, the events sink);
 * request bodies are read without a thread ({@link RequestBodies}). At most {@code maxInProgress} requests run route
 * code at once; a request beyond that is answered 503 with {@code Retry-After: 1} at once rather than queued behind
 * blocked ones, so the remaining worker threads stay free for the {@linkplain #probe probes} ({@code /healthz},
 * {@code /readyz}, {@code /metrics}), which are never limited. A request counts while its route code runs: from
 * the handler until the route returns, and again while the continuation that receives its body runs.
 *
 * <p>Nothing logged here contains the request path, which may carry an SDK key; routes are named by their template.
 */
final class ApiHandler extends Handler.Abstract implements RequestBodies.Admission {
    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String ENDPOINT_ATTRIBUTE = ApiHandler.class.getName() + ".endpoint";
    private static final String SLOT_ATTRIBUTE = ApiHandler.class.getName() + ".slot";

    private record Endpoint(
            String template,
            Predicate<String> path,
            Set<String> methods,
            Route route,
            boolean limited,
            UnaryOperator<HttpError> errorShape) {}

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final MetricsRegistry.Counter requests;
    private final MetricsRegistry.Histogram durations;
    private final int maxInProgress;
    private final AtomicInteger inProgress = new AtomicInteger();

    /**
     * Creates an empty handler.
     *
     * @param metrics where request counts go
     * @param maxInProgress the most requests that run route code at once, at least 1
     */
    ApiHandler(MetricsRegistry metrics, int maxInProgress) {
        if (maxInProgress < 1) {
            throw new IllegalArgumentException("maxInProgress must be >= 1, was " + maxInProgress);
        }
        this.maxInProgress = maxInProgress;
        this.requests = metrics.counter(
                "vexilla_http_requests_total", "HTTP requests by route template and status.", "route", "status");
        this.durations = metrics.histogram(
                "vexilla_http_request_duration_seconds",
                "Time from routing a request until its response is complete, by route template and status.",
                MetricsRegistry.LATENCY_BUCKETS,
                "route",
                "status");
        metrics.gauge(
                "vexilla_http_requests_in_progress",
                "Requests running route code now (bodies being received do not count).",
                List.of(),
                () -> Map.of(List.of(), inProgress.get()));
    }

    /**
     * Adds an endpoint with an exact path.
     *
     * @param method the HTTP method ({@code GET} also answers {@code HEAD})
     * @param path the exact path, also the metrics label
     * @param route the handling
     * @return this handler
     */
    ApiHandler route(String method, String path, Route route) {
        return route(method, path, path::equals, route);
    }

    /**
     * Adds an endpoint whose path is matched by a predicate.
     *
     * @param method the HTTP method
     * @param template the path template, the metrics label (e.g. {@code /configuration-files/{sdkKey}/config_v6.json})
     * @param path decides whether a raw request path belongs to this endpoint
     * @param route the handling
     * @return this handler
     */
    ApiHandler route(String method, String template, Predicate<String> path, Route route) {
        return add(method, template, path, route, true, UnaryOperator.identity());
    }

    /**
     * Adds an endpoint whose errors have their own JSON shape (OFREP's), also for the answers this handler gives
     * itself (503 when busy) and for body read failures.
     *
     * @param method the HTTP method
     * @param template the path template, the metrics label
     * @param path decides whether a raw request path belongs to this endpoint
     * @param route the handling
     * @param errorShape turns an error without a body into the endpoint's error
     * @return this handler
     */
    ApiHandler route(
            String method, String template, Predicate<String> path, Route route, UnaryOperator<HttpError> errorShape) {
        return add(method, template, path, route, true, errorShape);
    }

    /**
     * Adds a {@code GET} endpoint that is never refused for being busy: the health, readiness and metrics probes,
     * and the change stream (capped on its own by {@code --max-streams}).
     *
     * @param path the exact path, also the metrics label
     * @param route the handling; must not block
     * @return this handler
     */
    ApiHandler probe(String path, Route route) {
        return add("GET", path, path::equals, route, false, UnaryOperator.identity());
    }

    private ApiHandler add(
            String method,
            String template,
            Predicate<String> path,
            Route route,
            boolean limited,
            UnaryOperator<HttpError> errorShape) {
        Set<String> methods = method.equals("GET") ? Set.of("GET", "HEAD") : Set.of(method);
        endpoints.add(
                new Endpoint(template, path, methods, Objects.requireNonNull(route, "route"), limited, errorShape));
        return this;
    }

    /**
     * Lists the endpoints, for the check that every route is described in the OpenAPI file.
     *
     * @return {@code "<METHOD> <template>"} for each endpoint ({@code GET}, not its implied {@code HEAD})
     */
    Set<String> operations() {
        Set<String> out = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            endpoint.methods().stream()
                    .filter(method -> !method.equals("HEAD"))
                    .forEach(method -> out.add(method + " " + endpoint.template()));
        }
        return out;
    }

    /**
     * Returns the request counter, for tests and the error handler.
     *
     * @return the counter labelled by route and status
     */
    MetricsRegistry.Counter requests() {
        return requests;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String path = request.getHttpURI().getPath();
        List<Endpoint> matching =
                endpoints.stream().filter(e -> e.path().test(path)).toList();
        if (matching.isEmpty()) {
            HttpExchanges.writeError(
                    response, counting(UNMATCHED, started, response, callback), 404, "No such endpoint");
            return true;
        }
        String method = request.getMethod();
        Endpoint endpoint = matching.stream()
                .filter(e -> e.methods().contains(method))
                .findFirst()
                .orElse(null);
        if (endpoint == null) {
            Set<String> allowed = new TreeSet<>();
            matching.forEach(e -> allowed.addAll(e.methods()));
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
            HttpExchanges.writeError(
                    response,
                    counting(matching.get(0).template(), started, response, callback),
                    405,
                    "Method " + method + " is not allowed here; allowed: " + String.join(", ", allowed));
            return true;
        }
        request.setAttribute(ENDPOINT_ATTRIBUTE, endpoint);
        Callback counted = counting(endpoint.template(), started, response, callback);
        run(request, response, counted, true, () -> endpoint.route().handle(request, response, counted));
        return true;
    }

    /**
     * Runs route code for a request this handler routed, within the cap on requests in progress, and turns its
     * failures into the endpoint's JSON error: the first part of every route and the continuations of
     * {@link RequestBodies}.
     *
     * @param request the request
     * @param response the response
     * @param callback the request's callback
     * @param counted whether the task counts against the cap; false for code that only answers an error
     * @param task the route code
     */
    @Override
    public void run(Request request, Response response, Callback callback, boolean counted, RequestBodies.Task task) {
        Endpoint endpoint = (Endpoint) request.getAttribute(ENDPOINT_ATTRIBUTE);
        if (endpoint == null) {
            throw new IllegalStateException("the request was not routed by this handler");
        }
        // a continuation that runs inside the route code of the same request (its body was already there) holds
        // the request's slot already
        boolean limited = counted && endpoint.limited() && request.getAttribute(SLOT_ATTRIBUTE) == null;
        if (limited && inProgress.incrementAndGet() > maxInProgress) {
            inProgress.decrementAndGet();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            fail(response, callback, endpoint, new HttpError(503, "The server is busy; retry later"));
            return;
        }
        if (limited) {
            request.setAttribute(SLOT_ATTRIBUTE, Boolean.TRUE);
        }
        try {
            task.run();
        } catch (HttpError e) {
            fail(response, callback, endpoint, e);
        } catch (Exception e) {
            LOG.error("Route {} {} failed", request.getMethod(), endpoint.template(), e);
            fail(response, callback, endpoint, new HttpError(500, "Internal server error"));
        } finally {
            if (limited) {
                request.removeAttribute(SLOT_ATTRIBUTE);
                inProgress.decrementAndGet();
            }
        }
    }

    private static void fail(Response response, Callback callback, Endpoint endpoint, HttpError error) {
        fail(response, callback, error.body() == null ? endpoint.errorShape().apply(error) : error);
    }

    private static void fail(Response response, Callback callback, HttpError error) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response already committed; status " + error.status()));
            return;
        }
        response.getHeaders().remove(HttpHeader.CONTENT_LENGTH);
        response.getHeaders().remove(HttpHeader.ETAG);
        byte[] body = error.body();
        if (body != null) {
            HttpExchanges.writeJson(response, callback, error.status(), body);
        } else {
            HttpExchanges.writeError(response, callback, error.status(), error.getMessage());
        }
    }

    private Callback counting(String template, long started, Response response, Callback callback) {
        return new Callback() {
            @Override
            public void succeeded() {
                count();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                count();
                callback.failed(failure);
            }

            private void count() {
                String status = Integer.toString(response.getStatus());
                requests.inc(template, status);
                durations.observe((System.nanoTime() - started) / 1e9, template, status);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }
}
