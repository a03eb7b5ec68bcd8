package dev.vexilla.cloud.internal;

import org.jspecify.annotations.Nullable;

/** One HTTP response, read whole: the status, the body and the two headers the provider uses. */
public final class HttpResult {
    private final int status;
    private final byte[] body;
    private final @Nullable String etag;
    private final @Nullable String retryAfter;

    HttpResult(int status, byte[] body, @Nullable String etag, @Nullable String retryAfter) {
        this.status = status;
        this.body = body;
        this.etag = etag;
        this.retryAfter = retryAfter;
    }

    /**
     * Returns the status code.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Returns the body (not copied: callers must not change it).
     *
     * @return the body bytes, empty when there was none
     */
    public byte[] body() {
        return body;
    }

    /**
     * Returns the {@code ETag} header.
     *
     * @return the value, or {@code null}
     */
    public @Nullable String etag() {
        return etag;
    }

    /**
     * Returns the {@code Retry-After} header.
     *
     * @return the value, or {@code null}
     */
    public @Nullable String retryAfter() {
        return retryAfter;
    }

    @Override
    public String toString() {
        return "HttpResult{status=" + status + ", bytes=" + body.length + "}";
    }
}
