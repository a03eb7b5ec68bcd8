package dev.vexilla.model.internal.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code text/event-stream} parser of the WHATWG HTML standard ("Interpreting an event stream").
 *
 * <p>Lines are split on bytes (CR, LF and CRLF are single-byte in UTF-8 and never occur inside a multi-byte
 * character), so a chunk may end anywhere, even between a CR and its LF or inside a character; each complete line is
 * then decoded as UTF-8, with malformed sequences replaced by U+FFFD. A byte order mark is stripped only at the
 * start of a stream. Lines longer than the limit, and events whose data grows past it, are dropped and reported
 * through {@link Handler#onDiscarded}, so memory stays bounded.
 *
 * <p>Not thread-safe: one reader thread owns an instance.
 */
final class WhatwgEventStreamParser implements EventStreamParser {
    /** Default limit for one line and for one event's data: 1 MiB. */
    static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Handler handler;
    private final int maxLineBytes;

    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lineTooLong;
    private boolean lastWasCr;
    private boolean atStreamStart = true;

    private final StringBuilder data = new StringBuilder();
    private boolean dataTooLong;
    private String eventType = "";
    private String idBuffer = "";
    private String lastEventId = "";

    WhatwgEventStreamParser(Handler handler, int maxLineBytes) {
        this.handler = Objects.requireNonNull(handler, "handler");
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be >= 16, was " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (lastWasCr) {
                lastWasCr = false;
                if (b == LF) {
                    continue; // the LF of a CRLF pair: the line already ended at the CR
                }
            }
            if (b == CR) {
                lastWasCr = true;
                endLine();
            } else if (b == LF) {
                endLine();
            } else {
                append(b);
            }
        }
    }

    @Override
    public void startNewStream() {
        lineLength = 0;
        lineTooLong = false;
        lastWasCr = false;
        atStreamStart = true;
        clearEvent();
        idBuffer = lastEventId;
    }

    @Override
    public String lastEventId() {
        return lastEventId;
    }

    private void append(byte b) {
        if (lineTooLong) {
            return;
        }
        if (lineLength == maxLineBytes) {
            lineTooLong = true;
            return;
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
        }
        line[lineLength++] = b;
    }

    private void endLine() {
        boolean first = atStreamStart;
        atStreamStart = false;
        if (lineTooLong) {
            lineTooLong = false;
            lineLength = 0;
            handler.onDiscarded("a line longer than " + maxLineBytes + " bytes was dropped");
            return;
        }
        int start = first && startsWithBom() ? 3 : 0;
        String text = new String(line, start, lineLength - start, StandardCharsets.UTF_8);
        lineLength = 0;
        processLine(text);
    }

    private boolean startsWithBom() {
        return lineLength >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        int colon = text.indexOf(':');
        if (colon == 0) {
            handler.onComment(text.substring(1));
            return;
        }
        String field;
        String value;
        if (colon < 0) {
            field = text;
            value = "";
        } else {
            field = text.substring(0, colon);
            int valueStart = colon + 1;
            if (valueStart < text.length() && text.charAt(valueStart) == ' ') {
                valueStart++;
            }
            value = text.substring(valueStart);
        }
        processField(field, value);
    }

    private void processField(String field, String value) {
        switch (field) {
            case "event":
                eventType = value;
                break;
            case "data":
                appendData(value);
                break;
            case "id":
                if (value.indexOf('\0') < 0) {
                    idBuffer = value;
                }
                break;
            case "retry":
                processRetry(value);
                break;
            default:
                // Unknown fields are ignored, as the standard requires.
                break;
        }
    }

    private void appendData(String value) {
        if (dataTooLong) {
            return;
        }
        if (data.length() + value.length() + 1 > maxLineBytes) {
            dataTooLong = true;
            data.setLength(0);
            return;
        }
        data.append(value).append('\n');
    }

    private void processRetry(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return;
            }
        }
        handler.onRetry(Long.parseLong(value));
    }

    private void dispatch() {
        lastEventId = idBuffer;
        if (dataTooLong) {
            clearEvent();
            handler.onDiscarded("an event with more than " + maxLineBytes + " characters of data was dropped");
            return;
        }
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1); // the LF appended after the last data line
        SseEvent event =
                new SseEvent(eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType, data.toString(), lastEventId);
        clearEvent();
        handler.onEvent(event);
    }

    private void clearEvent() {
        data.setLength(0);
        dataTooLong = false;
        eventType = "";
    }
}
