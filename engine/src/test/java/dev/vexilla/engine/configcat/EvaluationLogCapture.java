package dev.vexilla.engine.configcat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Captures what the evaluation logger writes on the current thread (other test classes may evaluate concurrently), rendered in ConfigCat's text form
 * ({@code LEVEL [eventId] message}). Raises the logger to INFO while open.
 */
final class EvaluationLogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ConfigCatConfig.EVALUATION_LOGGER);
    private final Thread thread = Thread.currentThread();
    private final List<ILoggingEvent> captured = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (Thread.currentThread() == thread) {
                captured.add(event);
            }
        }
    };
    private final Level previous;

    EvaluationLogCapture(Level level) {
        previous = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(level);
    }

    List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(captured);
        }
    }

    /** Renders the captured entries as ConfigCat's Java SDK log files show them, one entry after another. */
    String text() {
        return events().stream().map(EvaluationLogCapture::render).collect(Collectors.joining("\n"));
    }

    void clear() {
        synchronized (appender) {
            captured.clear();
        }
    }

    static String render(ILoggingEvent e) {
        String level = e.getLevel() == Level.WARN ? "WARNING" : e.getLevel().toString();
        return level + " [" + eventId(e) + "] " + e.getFormattedMessage();
    }

    static Object eventId(ILoggingEvent e) {
        List<KeyValuePair> pairs = e.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                if (p.key.equals("eventId")) {
                    return p.value;
                }
            }
        }
        return "?";
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(previous);
    }
}
