package dev.vexilla.model.testsupport;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger writes, for assertions. SLF4J hands out substitute loggers while another test thread
 * is still initialising it, so attaching waits (bounded) for the real Logback logger. While attached, the logger
 * passes DEBUG and up whatever {@code logback-test.xml} says (tests there run quiet); {@link #close()} restores it.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Starts capturing the logger of a class. */
    public static LogCapture of(Class<?> type) {
        await().atMost(Duration.ofSeconds(10)).until(() -> LoggerFactory.getLogger(type) instanceof Logger);
        return new LogCapture((Logger) LoggerFactory.getLogger(type));
    }

    /** Starts capturing a logger by name, at DEBUG. */
    public static LogCapture of(String name) {
        await().atMost(Duration.ofSeconds(5)).until(() -> LoggerFactory.getLogger(name) instanceof Logger);
        return new LogCapture((Logger) LoggerFactory.getLogger(name));
    }

    /** Sets the captured logger's level (DEBUG while capturing, unless set here); restored on close. */
    public void level(Level level) {
        logger.setLevel(level);
    }

    /** Returns every captured event, in order. */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Returns the formatted messages of events at the given level. */
    public List<String> messages(Level level) {
        return appender.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
    }

    /** Returns every formatted message with its exception text, for checks such as "never shows the key". */
    public String allText() {
        return appender.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : " " + e.getThrowableProxy().getMessage()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }
}
