package dev.vexilla.contract.devcycle;

import com.devcycle.sdk.server.common.logging.IDevCycleLogger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DevCycle's logger for the tests (DevCycle's SDK keeps one logger per JVM, so there is one instance): keeps the
 * warnings and errors DevCycle's SDK logs, so a test can assert that our server never made it complain.
 *
 * <p>It also ends a thread DevCycle's SDK 2.6.0 leaves behind. Its SSE reader thread ({@code SSEManager}) loops on
 * {@code readAnyEvent()} forever and logs "Error reading event" for each {@code StreamException}; after
 * {@code close()} every read fails at once, so the thread would spin (and log) until the JVM exits, on the 2 cores the
 * build shares. While the stream is open, okhttp-eventsource reports failures as fault events instead, so this
 * warning means the stream was closed: the logger throws, which ends the loop (the exception is the thread's last
 * act, printed once by the default handler), and the warning is not recorded.
 */
final class RecordingDevCycleLogger implements IDevCycleLogger {
    static final RecordingDevCycleLogger INSTANCE = new RecordingDevCycleLogger();

    private static final String READ_FAILED = "Error reading event";

    /**
     * The start of a warning 2.6.0 logs on every x86-64 JVM: its architecture check expects {@code os.arch} "x86_64"
     * but the JDK reports "amd64". About the host, not about anything the server sends; not recorded.
     */
    private static final String ARCHITECTURE_CHECK = "The DevCycleLocalClient requires a 64-bit, x86 or aarch64";

    private final List<String> complaints = new CopyOnWriteArrayList<>();

    /** Thrown on DevCycle's SSE thread to end its loop once its stream is closed. */
    static final class SpinStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SpinStopped() {
            super("DevCycle's closed SSE reader thread ended by the test logger", null, false, false);
        }
    }

    private RecordingDevCycleLogger() {}

    /** @return the warnings and errors logged since the last {@link #reset()} */
    List<String> complaints() {
        return List.copyOf(complaints);
    }

    /** Forgets what was logged. */
    void reset() {
        complaints.clear();
    }

    @Override
    public void debug(String message) {}

    @Override
    public void info(String message) {}

    @Override
    public void warning(String message) {
        if (READ_FAILED.equals(message)) {
            throw new SpinStopped();
        }
        if (!message.startsWith(ARCHITECTURE_CHECK)) {
            complaints.add("WARN " + message);
        }
    }

    @Override
    public void error(String message) {
        complaints.add("ERROR " + message);
    }

    @Override
    public void error(String message, Throwable t) {
        complaints.add("ERROR " + message + ": " + t);
    }
}
