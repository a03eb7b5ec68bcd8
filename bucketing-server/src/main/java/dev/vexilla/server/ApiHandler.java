package dev.vexilla.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
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
 * route template and status in {@code vexilla_http_requests_total}. Unknown paths get a JSON 404.
 *
 * <p>Routes run on Jetty's worker threads and may block (body reads, file appends). Nothing logged here contains
 * the request path, which may carry an SDK key; routes are named by their template.
 */
final class ApiHandler extends Handler.Abstract {
    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private record Endpoint(String template, Predicate<String> path, Set<String> methods, Route route) {}

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final MetricsRegistry.Counter requests;

    /**
     * Creates an empty handler.
     *
     * @param metrics where request counts go
     */
    ApiHandler(MetricsRegistry metrics) {
        this.requests = metrics.counter(
                "vexilla_http_requests_total", "HTTP requests by route template and status.", "route", "status");
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
        Set<String> methods = method.equals("GET") ? Set.of("GET", "HEAD") : Set.of(method);
        endpoints.add(new Endpoint(template, path, methods, Objects.requireNonNull(route, "route")));
        return this;
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
        String path = request.getHttpURI().getPath();
        List<Endpoint> matching =
                endpoints.stream().filter(e -> e.path().test(path)).toList();
        if (matching.isEmpty()) {
            HttpExchanges.writeError(response, counting(UNMATCHED, response, callback), 404, "No such endpoint");
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
                    counting(matching.get(0).template(), response, callback),
                    405,
                    "Method " + method + " is not allowed here; allowed: " + String.join(", ", allowed));
            return true;
        }
        Callback counted = counting(endpoint.template(), response, callback);
        try {
            endpoint.route().handle(request, response, counted);
        } catch (HttpError e) {
            fail(response, counted, e);
        } catch (Exception e) {
            LOG.error("Route {} {} failed", method, endpoint.template(), e);
            fail(response, counted, new HttpError(500, "Internal server error"));
        }
        return true;
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

    private Callback counting(String template, Response response, Callback callback) {
        return new Callback() {
            @Override
            public void succeeded() {
                requests.inc(template, Integer.toString(response.getStatus()));
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                requests.inc(template, Integer.toString(response.getStatus()));
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }
}
