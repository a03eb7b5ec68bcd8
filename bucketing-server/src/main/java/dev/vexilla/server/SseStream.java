package dev.vexilla.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * One open change stream: serializes frames onto one Jetty response, one write in flight at a time, with a bounded
 * queue behind it.
 *
 * <p>Failure policy: a failed write (client gone, reset, idle timeout) ends the stream and reports it once to the
 * {@code onEnd} consumer; a client too slow to drain {@value #MAX_QUEUED} frames is ended the same way. Ending
 * completes the request's callback, so Jetty releases the connection. Thread-safe.
 */
final class SseStream {
    static final int MAX_QUEUED = 32;

    private final String configName;
    private final boolean devCycle;
    private final Response response;
    private final Callback requestCallback;
    private final Consumer<SseStream> onEnd;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean ended;
    private boolean completeAfterWrite;
    /** A last frame is queued or being written; the stream ends once it is out. */
    private boolean closing;

    /**
     * Wraps an accepted stream request.
     *
     * @param configName the config whose changes the client follows
     * @param devCycle whether the client gets DevCycle's frames ({@link DevCycleStreamMessages})
     * @param response the response, headers already set
     * @param requestCallback the request's callback, completed when the stream ends
     * @param onEnd told once when the stream ends
     */
    SseStream(
            String configName,
            boolean devCycle,
            Response response,
            Callback requestCallback,
            Consumer<SseStream> onEnd) {
        this.configName = Objects.requireNonNull(configName, "configName");
        this.devCycle = devCycle;
        this.response = response;
        this.requestCallback = requestCallback;
        this.onEnd = onEnd;
    }

    /** @return the config this stream follows */
    String configName() {
        return configName;
    }

    /** @return whether this stream gets DevCycle's frames */
    boolean devCycle() {
        return devCycle;
    }

    /**
     * Queues one frame (complete SSE text, ending in a blank line) for writing.
     *
     * @param frame the frame
     */
    void send(String frame) {
        ByteBuffer buffer = ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            if (ended || closing) {
                return;
            }
            if (writing) {
                if (queue.size() >= MAX_QUEUED) {
                    endLocked(new IllegalStateException("client too slow: " + MAX_QUEUED + " frames queued"));
                } else {
                    queue.add(buffer);
                }
                return;
            }
            writing = true;
        }
        write(buffer);
    }

    private void write(ByteBuffer buffer) {
        try {
            response.write(false, buffer, writeCallback());
        } catch (RuntimeException e) {
            synchronized (this) {
                writing = false;
            }
            end(e);
        }
    }

    private Callback writeCallback() {
        return new Callback() {
            @Override
            public void succeeded() {
                @Nullable ByteBuffer next;
                boolean complete;
                boolean lastFrameOut;
                synchronized (SseStream.this) {
                    next = ended ? null : queue.poll();
                    writing = next != null;
                    complete = ended && completeAfterWrite;
                    completeAfterWrite = false;
                    lastFrameOut = next == null && closing && !ended;
                }
                if (next != null) {
                    write(next);
                } else if (complete) {
                    requestCallback.succeeded();
                } else if (lastFrameOut) {
                    end(null);
                }
            }

            @Override
            public void failed(Throwable failure) {
                boolean complete;
                synchronized (SseStream.this) {
                    writing = false;
                    complete = ended && completeAfterWrite;
                    completeAfterWrite = false;
                }
                if (complete) {
                    requestCallback.failed(failure);
                } else {
                    end(failure);
                }
            }
        };
    }

    /**
     * Ends the stream normally: completes the response.
     */
    void close() {
        end(null);
    }

    /**
     * Ends the stream normally after one last frame (server shutdown): frames queued before it are still written,
     * later {@link #send} calls are ignored, and the response completes once the frame is out (or fails with the
     * write).
     *
     * @param lastFrame complete SSE text, ending in a blank line
     */
    void close(String lastFrame) {
        ByteBuffer buffer = ByteBuffer.wrap(lastFrame.getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            if (ended || closing) {
                return;
            }
            closing = true;
            if (writing) {
                queue.add(buffer);
                return;
            }
            writing = true;
        }
        write(buffer);
    }

    /**
     * Ends the stream after a failure.
     *
     * @param failure the cause, or null for a normal end
     */
    void end(@Nullable Throwable failure) {
        synchronized (this) {
            endLocked(failure);
        }
    }

    private void endLocked(@Nullable Throwable failure) {
        if (ended) {
            return;
        }
        ended = true;
        queue.clear();
        onEnd.accept(this);
        if (failure == null && writing) {
            completeAfterWrite = true;
        } else if (failure == null) {
            requestCallback.succeeded();
        } else {
            requestCallback.failed(failure);
        }
    }
}
