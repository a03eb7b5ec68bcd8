package dev.vexilla.server;

import dev.vexilla.model.FlagSetIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
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
 *
 * <p>A line may also name a key by its digest, so the key itself is never at rest:
 * {@code sha256:<64 lower-case hex>#<flag set id> = <config-name>}. The flag set id must be given because it is
 * derived from the raw key, which is not kept; the admin API writes such lines ({@link #digested}).
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

    /** Prefix of a keys-file line that names a key by its digest. */
    static final String DIGEST_PREFIX = "sha256:";
    /** Length of a key id: the first hex digits of the key's SHA-256. */
    static final int KEY_ID_LENGTH = 16;

    private static final Pattern DIGEST_LINE = Pattern.compile("sha256:([0-9a-f]{64})#([A-Za-z0-9_-]{1,64})");

    private record Entry(byte[] digest, String configName, String flagSetId) {}

    /**
     * A key as it is kept at rest: its SHA-256 digest, its flag set id and the config it reads.
     *
     * @param digestHex the SHA-256 of the key, 64 lower-case hex digits
     * @param flagSetId {@link FlagSetIds#of(String)} of the key, computed while the raw key was known
     * @param configName the config the key reads
     */
    record Digested(String digestHex, String flagSetId, String configName) {
        Digested {
            if (!DIGEST_LINE
                    .matcher(DIGEST_PREFIX + digestHex + "#" + flagSetId)
                    .matches()) {
                throw new IllegalArgumentException("a key digest must be 64 lower-case hex digits and the flag set"
                        + " id 1 to 64 of [A-Za-z0-9_-]");
            }
            if (!CONFIG_NAME.matcher(configName).matches()) {
                throw new IllegalArgumentException(
                        "config name '" + configName + "' must match " + CONFIG_NAME.pattern());
            }
        }

        /**
         * Returns the key id shown by the admin API: the first {@value #KEY_ID_LENGTH} hex digits of the digest.
         *
         * @return the key id
         */
        String keyId() {
            return digestHex.substring(0, KEY_ID_LENGTH);
        }

        /**
         * Returns this key as a keys-file line.
         *
         * @return {@code sha256:<hex>#<flagSetId> = <configName>}
         */
        String line() {
            return DIGEST_PREFIX + digestHex + "#" + flagSetId + " = " + configName;
        }
    }

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
            if (!CONFIG_NAME.matcher(configName).matches()) {
                throw new IllegalArgumentException("line " + lineNumber + ": config name '" + configName
                        + "' must match " + CONFIG_NAME.pattern());
            }
            Entry entry = entryOf(key, configName, lineNumber);
            byte[] digest = entry.digest();
            if (byDigest.put(HEX.formatHex(digest), entry) != null) {
                throw new IllegalArgumentException("line " + lineNumber + ": this SDK key is already listed above");
            }
        }
        return new SdkKeys(byDigest);
    }

    private static Entry entryOf(String key, String configName, int lineNumber) {
        if (key.startsWith(DIGEST_PREFIX)) {
            Matcher digestLine = DIGEST_LINE.matcher(key);
            if (!digestLine.matches()) {
                throw new IllegalArgumentException("line " + lineNumber
                        + ": a digest line must read 'sha256:<64 lower-case hex>#<flag set id> = <config-name>'");
            }
            return new Entry(HEX.parseHex(digestLine.group(1)), configName, digestLine.group(2));
        }
        checkKey(key, lineNumber);
        return new Entry(digest(key), configName, FlagSetIds.of(key));
    }

    /**
     * Builds keys from their digests (a config store that keeps keys only as digests).
     *
     * @param keys the keys; a digest listed twice keeps its last mapping
     * @return the keys
     */
    static SdkKeys fromDigests(Collection<Digested> keys) {
        Map<String, Entry> byDigest = new HashMap<>();
        for (Digested key : keys) {
            byDigest.put(key.digestHex(), new Entry(HEX.parseHex(key.digestHex()), key.configName(), key.flagSetId()));
        }
        return new SdkKeys(byDigest);
    }

    /**
     * Digests a raw key for storage, computing its flag set id while the key is known.
     *
     * @param sdkKey the raw key
     * @param configName the config it reads
     * @return the digested key
     * @throws IllegalArgumentException when the key or the config name breaks the keys-file rules (the message
     *     never contains the key)
     */
    static Digested digested(String sdkKey, String configName) {
        try {
            checkKey(sdkKey, 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^line 1: ", ""), e);
        }
        return new Digested(HEX.formatHex(digest(sdkKey)), FlagSetIds.of(sdkKey), configName);
    }

    /**
     * Returns every key as its digest, sorted by digest.
     *
     * @return the digested keys
     */
    List<Digested> digests() {
        return byDigest.entrySet().stream()
                .map(e -> new Digested(
                        e.getKey(), e.getValue().flagSetId(), e.getValue().configName()))
                .sorted(Comparator.comparing(Digested::digestHex))
                .toList();
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
