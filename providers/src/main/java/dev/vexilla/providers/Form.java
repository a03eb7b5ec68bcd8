package dev.vexilla.providers;

import dev.vexilla.cloud.Protocol;
import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.DataGovernance;
import dev.vexilla.model.SdkKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form a {@link Setting}'s text must have, and how it becomes a value. {@link #parse(String)} gets trimmed,
 * non-blank text and throws {@link IllegalArgumentException} when the text has another form; {@link Settings} then
 * names the setting and {@link #accepted()}. Limits (a minimum interval, a range of sizes) are the providers' options
 * to check, not the form's.
 */
enum Form {
    /** {@code local} or {@code cloud}. */
    MODE("local or cloud") {
        @Override
        Object parse(String text) {
            return oneOf(text, "local", Mode.LOCAL, "cloud", Mode.CLOUD);
        }
    },
    /** An SDK key; never repeated in a message. */
    SECRET("1 to " + SdkKeys.MAX_LENGTH + " letters, digits and - _ . ~ /, with no .. and no / at either end (the"
            + " value is not shown)") {
        @Override
        Object parse(String text) {
            return SdkKeys.requireValid(text);
        }
    },
    /** An absolute http or https URL. */
    URL("an absolute http or https URL") {
        @Override
        Object parse(String text) {
            return httpUrl(text);
        }
    },
    /** An HTTP proxy, {@code http://host:port}. */
    PROXY("an HTTP proxy as http://host:port") {
        @Override
        Object parse(String text) {
            URI proxy = httpUrl(text);
            boolean bare = proxy.getRawPath() == null
                    || proxy.getRawPath().isEmpty()
                    || proxy.getRawPath().equals("/");
            if (!"http".equalsIgnoreCase(proxy.getScheme())
                    || proxy.getPort() < 1
                    || !bare
                    || proxy.getRawQuery() != null
                    || proxy.getRawUserInfo() != null) {
                throw new IllegalArgumentException(text);
            }
            return proxy;
        }
    },
    /** The path of a file that exists and can be read. */
    FILE("the path of a readable file") {
        @Override
        Object parse(String text) {
            Path path = Paths.get(text);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException(text);
            }
            return path;
        }
    },
    /** A file system path (a directory that may not exist yet). */
    PATH("a file system path") {
        @Override
        Object parse(String text) {
            return Paths.get(text);
        }
    },
    /** {@code true} or {@code false}, in any case. */
    BOOLEAN("true or false") {
        @Override
        Object parse(String text) {
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException(text);
        }
    },
    /** A whole number. */
    INTEGER("a whole number") {
        @Override
        Object parse(String text) {
            return Integer.valueOf(text);
        }
    },
    /** A duration that is not negative: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 0} or ISO-8601. */
    DURATION("a duration like 500ms, 30s, 5m, 1h or PT30S") {
        @Override
        Object parse(String text) {
            Duration duration = duration(text);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(text);
            }
            return duration;
        }
    },
    /** {@code bucketing} (DevCycle's Bucketing API v1) or {@code ofrep}. */
    PROTOCOL("bucketing or ofrep") {
        @Override
        Object parse(String text) {
            return oneOf(text, "bucketing", Protocol.BUCKETING_V1, "ofrep", Protocol.OFREP);
        }
    },
    /** {@code configcat} or {@code devcycle}: whose CDN protocol the local provider speaks. */
    CONFIG_PROTOCOL("configcat or devcycle") {
        @Override
        Object parse(String text) {
            return oneOf(text, "configcat", ConfigProtocol.CONFIGCAT, "devcycle", ConfigProtocol.DEVCYCLE);
        }
    },
    /** {@code global} or {@code eu}: which of ConfigCat's CDNs serves the config. */
    DATA_GOVERNANCE("global or eu") {
        @Override
        Object parse(String text) {
            return oneOf(text, "global", DataGovernance.GLOBAL, "eu", DataGovernance.EU);
        }
    };

    /**
     * Reads one of two words, in any case.
     *
     * @param text the trimmed text
     * @param first the first word, lower case
     * @param firstValue its value
     * @param second the second word, lower case
     * @param secondValue its value
     * @return the value of the word the text is
     * @throws IllegalArgumentException if the text is neither word
     */
    private static Object oneOf(String text, String first, Object firstValue, String second, Object secondValue) {
        String word = text.toLowerCase(Locale.ROOT);
        if (word.equals(first)) {
            return firstValue;
        }
        if (word.equals(second)) {
            return secondValue;
        }
        throw new IllegalArgumentException(text);
    }

    /** A number and a unit: the short form shared with the server's command line. */
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,18})(ms|s|m|h)");

    private final String accepted;

    Form(String accepted) {
        this.accepted = accepted;
    }

    /**
     * Returns what the form accepts, for error messages: {@code "true or false"}.
     *
     * @return the description
     */
    String accepted() {
        return accepted;
    }

    /**
     * Turns text into the value.
     *
     * @param text trimmed, non-blank text
     * @return the value, of the type the form stands for
     * @throws RuntimeException (an {@link IllegalArgumentException} or an arithmetic or path exception) if the text
     *     has another form
     */
    abstract Object parse(String text);

    private static URI httpUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(text);
        }
        return url;
    }

    private static Duration duration(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }
}
