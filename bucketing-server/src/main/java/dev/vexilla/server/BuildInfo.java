package dev.vexilla.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build stamped into the server: its version, from {@code build.properties} beside this class (filled in by
 * Maven resource filtering), falling back to the jar manifest's {@code Implementation-Version}.
 */
final class BuildInfo {
    /** The version reported when neither source knows one (a build that skipped resource filtering). */
    static final String UNKNOWN_VERSION = "unknown";

    private static final String RESOURCE = "build.properties";
    private static final String VERSION = readVersion();

    private BuildInfo() {}

    /**
     * Returns the server's version, e.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}.
     *
     * @return the version, {@value #UNKNOWN_VERSION} when not known; never null
     */
    static String version() {
        return VERSION;
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String filtered = properties.getProperty("version", "");
        if (!filtered.isEmpty() && !filtered.startsWith("${")) {
            return filtered;
        }
        String manifest = BuildInfo.class.getPackage().getImplementationVersion();
        return manifest == null || manifest.isEmpty() ? UNKNOWN_VERSION : manifest;
    }
}
