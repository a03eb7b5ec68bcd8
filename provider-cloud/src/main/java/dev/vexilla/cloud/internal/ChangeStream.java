package dev.vexilla.cloud.internal;

import dev.vexilla.cloud.CloudOptions;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the server's change stream ({@code GET /v1/stream}, server-sent events) and calls a listener whenever
 * the cached answers may be out of date: on every {@code refetchConfig} message and after every (re)connect, since
 * changes made while disconnected are not replayed.
 *
 * <p>This is a deliberately small reader: it acts on {@code data:} lines only (the server sends one-line JSON data
 * and comments), not a full WHATWG event-stream parser. provider-local has the full parser; the lead plans to move a
 * shared one to shared-model.
 *
 * <p><b>Failure policy.</b> A 401/403 stops the stream for good (one WARN). Any other status, an IO error, a read
 * timeout (three missed 30 s heartbeats: 95 s) or the end of the stream makes it reconnect after a jittered backoff
 * from 1 s doubling to 60 s, reset by a successful connection; the listener is called on each reconnect. Unknown
 * messages are ignored. {@link #close()} stops the reader thread (a named daemon) and closes its connection; it is
 * idempotent.
 */
public final class ChangeStream implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
    static final long MIN_BACKOFF_MILLIS = 1000;
    static final long MAX_BACKOFF_MILLIS = 60_000;
    static final long READ_TIMEOUT_MILLIS = 95_000;

    private final URI uri;
    private final String sdkKey;
    private final Runnable listener;
    private final CloseableHttpClient client;
    private final Thread thread;
    private volatile boolean closed;
    private volatile @Nullable HttpGet current;

    /**
     * Creates the reader; call {@link #start()}.
     *
     * @param options the provider options (base URL, key, connect timeout, proxy)
     * @param listener called on the reader thread when cached answers must be dropped
     */
    public ChangeStream(CloudOptions options, Runnable listener) {
        this.uri = options.baseUrl().resolve("v1/stream");
        this.sdkKey = options.sdkKey();
        this.listener = listener;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(
                                        Math.max(1000, options.connectTimeout().toMillis())))
                                .setSocketTimeout(Timeout.ofMilliseconds(READ_TIMEOUT_MILLIS))
                                .build())
                        .setMaxConnTotal(1)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(READ_TIMEOUT_MILLIS))
                        .build())
                .setProxy(proxy(options.proxy()))
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        this.thread = new Thread(this::run, "vexilla-cloud-stream");
        this.thread.setDaemon(true);
    }

    private static @Nullable HttpHost proxy(@Nullable URI proxy) {
        return proxy == null ? null : new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort());
    }

    /** Starts the reader thread. */
    public void start() {
        thread.start();
    }

    private void run() {
        long backoff = MIN_BACKOFF_MILLIS;
        while (!closed) {
            boolean connected = false;
            try {
                connected = readOnce();
            } catch (Exception e) {
                if (!closed) {
                    LOG.debug("Change stream interrupted: {}", e.toString());
                }
            }
            if (closed) {
                return;
            }
            backoff = connected ? MIN_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(
                    backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1)));
        }
    }

    /** Reads one connection; returns whether it connected. */
    private boolean readOnce() throws Exception {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Authorization", sdkKey);
        get.setHeader("Accept", "text/event-stream");
        current = get;
        if (closed) {
            return false;
        }
        ClassicHttpResponse response = client.executeOpen(null, get, null);
        try {
            int status = response.getCode();
            if (status == 401 || status == 403) {
                LOG.warn("The server refused the change stream (HTTP {}); cached answers expire by TTL only", status);
                closed = true;
                return false;
            }
            if (status != 200 || response.getEntity() == null) {
                return false;
            }
            listener.run();
            InputStream in = response.getEntity().getContent();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (!closed && (line = reader.readLine()) != null) {
                if (line.startsWith("data:") && line.contains("refetchConfig")) {
                    listener.run();
                }
            }
            return true;
        } finally {
            current = null;
            response.close();
        }
    }

    /**
     * Tells whether the reader thread is running.
     *
     * @return {@code true} until closed and the thread ended
     */
    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        HttpGet open = current;
        if (open != null) {
            open.cancel();
        }
        client.close(CloseMode.IMMEDIATE);
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
