package dev.vexilla.local.internal.provider;

import dev.vexilla.engine.ConfigParseException;
import dev.vexilla.engine.FlagConfig;
import dev.vexilla.engine.FlagConfigs;
import dev.vexilla.engine.configcat.ConfigCatConfig;
import dev.vexilla.local.FlagOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads flag overrides (a file, a classpath resource or a map) into a compiled config and, for an auto-reloading
 * file, checks the file's modification time and size on the scheduler and installs each good new version.
 *
 * <p><b>Failure policy.</b> The first load fails loudly ({@link #load()} throws with the file and the reason, so the
 * provider's {@code initialize} fails). A reload that cannot be read or parsed is logged once at WARN with the JSON
 * path of the problem, and the last good overrides keep serving; the next change of the file is tried again. Flags
 * that are broken inside a file that parses are reported once at WARN and evaluate to {@code PARSE_ERROR}.
 *
 * <p>Thread-safe: the reload check runs on the scheduler; {@link #close()} is idempotent.
 */
final class OverrideSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.vexilla.local.LocalProvider");

    private final FlagOverrides overrides;
    private final SnapshotHolder holder;
    private @Nullable ScheduledFuture<?> watch;
    private @Nullable FileTime lastModified;
    private long lastSize = -1;
    private volatile boolean closed;

    OverrideSource(FlagOverrides overrides, SnapshotHolder holder) {
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.holder = holder;
    }

    /**
     * Loads the overrides and installs them.
     *
     * @throws IOException if the file or resource cannot be read, or does not parse (message names the source)
     */
    synchronized void load() throws IOException {
        Path path = overrides.path();
        if (path != null) {
            lastModified = Files.getLastModifiedTime(path);
            lastSize = Files.size(path);
        }
        holder.installLocal(compile());
    }

    /** Starts watching an auto-reloading file; does nothing for other sources. */
    synchronized void watch(ScheduledExecutorService scheduler) {
        if (overrides.kind() != FlagOverrides.Kind.FILE || !overrides.autoReload() || watch != null || closed) {
            return;
        }
        long period = FlagOverrides.DEFAULT_RELOAD_CHECK_INTERVAL.toMillis();
        watch = scheduler.scheduleWithFixedDelay(this::checkForChange, period, period, TimeUnit.MILLISECONDS);
    }

    /** Re-reads the file if its modification time or size changed; never throws. */
    synchronized void checkForChange() {
        Path path = overrides.path();
        if (closed || path == null) {
            return;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            long size = Files.size(path);
            if (modified.equals(lastModified) && size == lastSize) {
                return;
            }
            lastModified = modified;
            lastSize = size;
            holder.installLocal(compile());
            LOG.info("Flag overrides reloaded from {}", path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Flag overrides: reload of {} failed, keeping the last good overrides: {}", path, e.getMessage());
        }
    }

    private FlagConfig compile() throws IOException {
        FlagConfig config;
        switch (overrides.kind()) {
            case FILE:
                config = parse(readFile(Objects.requireNonNull(overrides.path())), "file " + overrides.path());
                break;
            case CLASSPATH:
                String resource = Objects.requireNonNull(overrides.resource());
                config = parse(readResource(resource), "classpath resource " + resource);
                break;
            default:
                config = ConfigCatConfig.fromValues(overrides.values());
        }
        if (!config.problems().isEmpty()) {
            LOG.warn(
                    "Flag overrides: broken flags evaluate to PARSE_ERROR: {}",
                    config.problems().values());
        }
        return config;
    }

    private static FlagConfig parse(String json, String source) throws IOException {
        try {
            return FlagConfigs.parse(json);
        } catch (ConfigParseException e) {
            throw new IOException("flag overrides: " + source + " does not parse: " + e.getMessage(), e);
        }
    }

    private static String readFile(Path path) throws IOException {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("flag overrides: cannot read file " + path + ": " + e, e);
        }
    }

    private static String readResource(String resource) throws IOException {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader != null ? loader.getResourceAsStream(name) : null;
        if (in == null) {
            in = OverrideSource.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IOException("flag overrides: classpath resource '" + resource + "' not found");
        }
        try (InputStream stream = in) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
    }
}
