package dev.vexilla.server;

import dev.vexilla.model.FlagSetIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SDK keys the server accepts and the config each one reads, parsed from a keys file.
 *
 * <p>Keys are secrets: only their SHA-256 digests are kept, a presented key is looked up by its digest and then
 * compared with {@link MessageDigest#isEqual} (constant time), and no message, log line or {@code toString()}
 * contains a key. Each key's non-secret flag set id ({@link FlagSetIds#of(String)}, the id {@code LocalProvider}
 * reports for a config downloaded with that key) is computed once, when the file is parsed. Immutable and
 * thread-safe.
 *
 * <p>Keys file format (UTF-8): one mapping per line, {@code <sdk-key> = <config-name>}, split at the last
 * {@code =}; blank lines and lines starting with {@code #} are ignored; surrounding spaces are trimmed. An SDK key
 * is {@value #MIN_KEY_LENGTH} to {@value #MAX_KEY_LENGTH} visible ASCII characters; a config name matches
 * {@code [A-Za-z0-9][A-Za-z0-9._-]*}. Several keys may read the same config; a key may appear only once.
 */
final class SdkKeys {
    /** Shortest accepted SDK key. */
    static final int MIN_KEY_LENGTH = 16;
    /** Longest accepted SDK key. */
    static final int MAX_KEY_LENGTH = 256;
    /** What a config name looks like; also the file name of the config without {@code .json}. */
    static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Entry> byDigest;

    private record Entry(byte[] digest, String configName, String flagSetId) {}

    /**
     * What a presented key grants: the config it reads and the flag set id evaluations for that key report.
     *
     * @param configName the config name
     * @param flagSetId {@link FlagSetIds#of(String)} of the key
     */
    record Grant(String configName, String flagSetId) {}

    private SdkKeys(Map<String, Entry> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    /**
     * Parses a keys file.
     *
     * @param text the file's content
     * @return the keys
     * @throws IllegalArgumentException naming the line and the rule broken, never the key
     */
    static SdkKeys parse(String text) {
        Map<String, Entry> byDigest = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            int eq = line.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line " + lineNumber + ": expected '<sdk-key> = <config-name>'");
            }
            String key = line.substring(0, eq).strip();
            String configName = line.substring(eq + 1).strip();
            checkKey(key, lineNumber);
            if (!CONFIG_NAME.matcher(configName).matches()) {
                throw new IllegalArgumentException("line " + lineNumber + ": config name '" + configName
                        + "' must match " + CONFIG_NAME.pattern());
            }
            byte[] digest = digest(key);
            Entry entry = new Entry(digest, configName, FlagSetIds.of(key));
            if (byDigest.put(HEX.formatHex(digest), entry) != null) {
                throw new IllegalArgumentException("line " + lineNumber + ": this SDK key is already listed above");
            }
        }
        return new SdkKeys(byDigest);
    }

    /**
     * Returns keys that map exactly one key to one config (the demo setup).
     *
     * @param sdkKey the key
     * @param configName the config it reads
     * @return the keys
     */
    static SdkKeys of(String sdkKey, String configName) {
        checkKey(sdkKey, 1);
        byte[] digest = digest(sdkKey);
        return new SdkKeys(Map.of(HEX.formatHex(digest), new Entry(digest, configName, FlagSetIds.of(sdkKey))));
    }

    /**
     * Finds the config a presented key reads.
     *
     * @param presentedKey the key from a request, may be null
     * @return the config name, empty when the key is unknown
     */
    Optional<String> configNameFor(@Nullable String presentedKey) {
        return grantFor(presentedKey).map(Grant::configName);
    }

    /**
     * Finds what a presented key grants.
     *
     * @param presentedKey the key from a request, may be null
     * @return the config name and flag set id, empty when the key is unknown
     */
    Optional<Grant> grantFor(@Nullable String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] digest = digest(presentedKey);
        Entry entry = byDigest.get(HEX.formatHex(digest));
        if (entry == null || !MessageDigest.isEqual(entry.digest(), digest)) {
            return Optional.empty();
        }
        return Optional.of(new Grant(entry.configName(), entry.flagSetId()));
    }

    /**
     * Returns the names of the configs some key reads.
     *
     * @return sorted config names
     */
    Set<String> configNames() {
        Set<String> names = new TreeSet<>();
        byDigest.values().forEach(e -> names.add(e.configName()));
        return names;
    }

    /**
     * Returns how many keys there are.
     *
     * @return the number of keys
     */
    int size() {
        return byDigest.size();
    }

    @Override
    public String toString() {
        return "SdkKeys{" + byDigest.size() + " keys for configs " + configNames() + "}";
    }

    private static void checkKey(String key, int lineNumber) {
        if (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("line " + lineNumber + ": the SDK key must be " + MIN_KEY_LENGTH + " to "
                    + MAX_KEY_LENGTH + " characters, was " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "line " + lineNumber + ": the SDK key must be visible ASCII, found a character at index " + i);
            }
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
