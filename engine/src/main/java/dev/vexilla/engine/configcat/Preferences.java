package dev.vexilla.engine.configcat;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The preferences of a config (config JSON v6 field {@code p}): the base URL the config should be fetched from and
 * the redirect mode that tells a fetcher whether to follow it. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Preferences {

    /** What a fetcher should do when {@link #baseUrl()} differs from the URL it fetched from. */
    public enum RedirectMode {
        /** {@code r = 0}: keep the config just fetched. */
        NO_REDIRECT,
        /** {@code r = 1}: warn and refetch from the new URL. */
        SHOULD_REDIRECT,
        /** {@code r = 2}: refetch from the new URL, even over a custom base URL. */
        FORCE_REDIRECT
    }

    /** The preferences of a config that has none: no base URL, {@link RedirectMode#NO_REDIRECT}. */
    public static final Preferences NONE = new Preferences(null, RedirectMode.NO_REDIRECT);

    private final @Nullable String baseUrl;
    private final RedirectMode redirectMode;

    /**
     * Returns preferences with the given values.
     *
     * @param baseUrl the base URL, or {@code null} for none
     * @param redirectMode the redirect mode
     * @return the preferences
     */
    public static Preferences of(@Nullable String baseUrl, RedirectMode redirectMode) {
        return baseUrl == null && redirectMode == RedirectMode.NO_REDIRECT
                ? NONE
                : new Preferences(baseUrl, redirectMode);
    }

    private Preferences(@Nullable String baseUrl, RedirectMode redirectMode) {
        this.baseUrl = baseUrl;
        this.redirectMode = Objects.requireNonNull(redirectMode, "redirectMode");
    }

    /**
     * Returns the base URL the config says it should be fetched from.
     *
     * @return the URL, or {@code null} when the config names none
     */
    public @Nullable String baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the redirect mode.
     *
     * @return the mode, never null ({@link RedirectMode#NO_REDIRECT} when absent)
     */
    public RedirectMode redirectMode() {
        return redirectMode;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Preferences)) {
            return false;
        }
        Preferences that = (Preferences) o;
        return Objects.equals(baseUrl, that.baseUrl) && redirectMode == that.redirectMode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, redirectMode);
    }

    @Override
    public String toString() {
        return "Preferences{baseUrl=" + baseUrl + ", redirectMode=" + redirectMode + "}";
    }
}
