package dev.vexilla.engine.configcat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation warnings, with ConfigCat's texts and event ids, logged at WARN on {@value #LOGGER_NAME}. Each
 * message is the text that follows {@code WARNING [id] } in ConfigCat's log; the id is attached as the SLF4J
 * key-value pair {@code eventId}. Messages are built only when WARN is enabled.
 */
final class Warnings {

    static final String LOGGER_NAME = "dev.vexilla.evaluation";
    static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private static final String READ_MORE = " Read more: https://configcat.com/docs/advanced/user-object/";

    private Warnings() {}

    static void userMissing(String key) {
        if (LOG.isWarnEnabled()) {
            warn(
                    3001,
                    "Cannot evaluate targeting rules and % options for setting '" + key
                            + "' (User Object is missing). You should pass a User Object to the evaluation methods like"
                            + " `getValue()`/`getValueAsync()` in order to make targeting work properly." + READ_MORE);
        }
    }

    static void attributeMissing(String key, UserCondition c) {
        if (LOG.isWarnEnabled()) {
            warn(
                    3003,
                    "Cannot evaluate condition (" + c.describe() + ") for setting '" + key + "' (the User."
                            + c.attribute + " attribute is missing). You should set the User." + c.attribute
                            + " attribute in order to make targeting work properly." + READ_MORE);
        }
    }

    static void percentageAttributeMissing(String key, String attribute) {
        if (LOG.isWarnEnabled()) {
            warn(
                    3003,
                    "Cannot evaluate % options for setting '" + key + "' (the User." + attribute
                            + " attribute is missing). You should set the User." + attribute
                            + " attribute in order to make targeting work properly." + READ_MORE);
        }
    }

    static void attributeInvalid(String key, UserCondition c, String reason) {
        if (LOG.isWarnEnabled()) {
            warn(
                    3004,
                    "Cannot evaluate condition (" + c.describe() + ") for setting '" + key + "' (" + reason
                            + "). Please check the User." + c.attribute
                            + " attribute and make sure that its value corresponds to the comparison operator.");
        }
    }

    static void attributeConverted(String key, UserCondition c, String converted) {
        if (LOG.isWarnEnabled()) {
            warn(
                    3005,
                    "Evaluation of condition (" + c.describe() + ") for setting '" + key
                            + "' may not produce the expected result (the User." + c.attribute
                            + " attribute is not a string value, thus it was automatically converted to the string value '"
                            + converted + "'). Please make sure that using a non-string value was intended.");
        }
    }

    private static void warn(int eventId, String message) {
        LOG.atWarn().addKeyValue("eventId", eventId).log(message);
    }
}
