package dev.vexilla.server.relay;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The relay's HTTP plumbing: the client, its threads, and failure descriptions safe to log. Static only. */
final class RelayHttp {
    private RelayHttp() {}

    /**
     * Creates the HTTP client a relay component owns: HTTP/1.1 (server-sent events over plain connections), no
     * automatic redirects (a 3xx is a failure: ConfigCat moves configs with its own preferences, not with HTTP), the
     * given connect timeout, and the given executor for its callbacks.
     *
     * @param connectTimeout the connect timeout
     * @param executor runs the client's callbacks
     * @return the client
     */
    static HttpClient newClient(Duration connectTimeout, ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    /**
     * Creates a pool of named daemon threads for an HTTP client.
     *
     * @param prefix the thread name prefix
     * @return the executor
     */
    static ExecutorService httpExecutor(String prefix) {
        return Executors.newCachedThreadPool(daemonThreads(prefix));
    }

    /**
     * Returns a factory of named daemon threads: {@code prefix-1}, {@code prefix-2}, ...
     *
     * @param prefix the name prefix
     * @return the factory
     */
    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Describes a failed exchange without any URL (the URLs carry SDK keys).
     *
     * @param error the failure
     * @return a short description
     */
    static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof BoundedBody.TooLargeException) {
            return "upstream config rejected: " + e.getMessage();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return "request timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof ClosedChannelException) {
            return "connection closed";
        }
        if (e instanceof java.io.IOException) {
            return "I/O error (" + e.getClass().getSimpleName() + ")";
        }
        return "unexpected " + e.getClass().getSimpleName();
    }
}
