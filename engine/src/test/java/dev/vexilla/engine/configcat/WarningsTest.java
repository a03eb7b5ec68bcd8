package dev.vexilla.engine.configcat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.model.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;

@ResourceLock("dev.vexilla.evaluation logger level")
final class WarningsTest {

    private static List<ILoggingEvent> evaluateCapturing(String json, String key, User user)
            throws ConfigParseException {
        ConfigCatConfig config = ConfigCatConfig.parse(json.replace('\'', '"'));
        Logger logger = (Logger) LoggerFactory.getLogger(ConfigCatConfig.EVALUATION_LOGGER);
        Thread thread = Thread.currentThread();
        List<ILoggingEvent> captured = new ArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (Thread.currentThread() == thread) {
                    captured.add(event);
                }
            }
        };
        appender.start();
        Level previous = logger.getLevel();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(Level.WARN);
        try {
            config.evaluate(key, user);
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
            logger.setLevel(previous);
        }
        synchronized (appender) {
            return new ArrayList<>(captured);
        }
    }

    @Test
    void nonStringAttributeIsConvertedWithWarning3005() throws ConfigParseException {
        List<ILoggingEvent> events = evaluateCapturing(
                "{'f':{'k':{'t':0,'r':[{'c':[{'u':{'a':'Seats','c':28,'s':'125'}}],'s':{'v':{'b':true}}}],'v':{'b':false}}}}",
                "k",
                User.builder().identifier("1").attribute("Seats", 125).build());

        assertThat(events).hasSize(1);
        assertThat(events.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(events.get(0).getFormattedMessage())
                .isEqualTo("Evaluation of condition (User.Seats EQUALS '125') for setting 'k' may not produce the"
                        + " expected result (the User.Seats attribute is not a string value, thus it was automatically"
                        + " converted to the string value '125'). Please make sure that using a non-string value was"
                        + " intended.");
        assertThat(events.get(0).getKeyValuePairs())
                .anySatisfy(kv -> assertThat(kv.value).isEqualTo(3005));
    }

    @Test
    void invalidArrayValueWarns3004AndSkipsTheRule() throws ConfigParseException {
        List<ILoggingEvent> events = evaluateCapturing(
                "{'f':{'k':{'t':0,'r':[{'c':[{'u':{'a':'Roles','c':34,'l':['admin']}}],'s':{'v':{'b':true}}}],'v':{'b':false}}}}",
                "k",
                User.builder().identifier("1").attribute("Roles", "admin").build());

        assertThat(events)
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getFormattedMessage()).contains("('admin' is not a valid JSON string array)"));
    }

    @Test
    void nothingIsLoggedWhenTheRuleCanBeEvaluated() throws ConfigParseException {
        assertThat(evaluateCapturing(
                        "{'f':{'k':{'t':0,'r':[{'c':[{'u':{'a':'Roles','c':34,'l':['admin']}}],'s':{'v':{'b':true}}}],'v':{'b':false}}}}",
                        "k",
                        User.builder()
                                .identifier("1")
                                .attribute("Roles", List.of("admin"))
                                .build()))
                .isEmpty();
    }
}
