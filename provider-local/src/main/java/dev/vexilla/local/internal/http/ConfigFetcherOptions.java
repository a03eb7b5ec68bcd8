package dev.vexilla.local.internal.http;

import dev.vexilla.local.ConfigProtocol;
import dev.vexilla.local.DataGovernance;
import dev.vexilla.local.LocalOptions;
import dev.vexilla.model.SdkKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ConfigFetcher} downloads: the SDK key, the base URL (a {@link DataGovernance} CDN or a custom URL
 * such as a Vexilla bucketing server), the largest config accepted and the deadline of one download. Immutable and thread-safe; {@link #toString()}
 * redacts the key.
 *
 * <pre>{@code
 * ConfigFetcherOptions options = ConfigFetcherOptions.builder(sdkKey)
 *         .dataGovernance(DataGovernance.EU)
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ConfigFetcherOptions {
    /** Default largest config body accepted: 10 MiB. */
    public static final int DEFAULT_MAX_CONFIG_BYTES = 10 * 1024 * 1024;
    /** Smallest limit accepted for the config body: 1 KiB. */
    public static final int MIN_MAX_CONFIG_BYTES = 1024;
    /** Default deadline of one download as a whole: 15 s, the provider's default connect plus read timeout. */
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(15);
    /** Shortest download deadline accepted: 1 ms. */
    public static final Duration MIN_DOWNLOAD_TIMEOUT = Duration.ofMillis(1);

    private final String sdkKey;
    private final ConfigProtocol protocol;
    private final URI baseUrl;
    private final boolean customBaseUrl;
    private final int maxConfigBytes;
    private final Duration downloadTimeout;

    private ConfigFetcherOptions(Builder b) {
        this.sdkKey = b.sdkKey;
        this.protocol = b.protocol;
        URI custom = b.baseUrl;
        this.customBaseUrl = custom != null;
        URI vendorCdn = protocol == ConfigProtocol.DEVCYCLE
                ? BaseUrls.normalize(LocalOptions.DEVCYCLE_CDN)
                : b.dataGovernance.baseUrl();
        URI cdn = b.cdnBaseUrl != null ? b.cdnBaseUrl : vendorCdn;
        this.baseUrl = custom != null ? custom : cdn;
        this.maxConfigBytes = b.maxConfigBytes;
        this.downloadTimeout = b.downloadTimeout;
    }

    /**
     * Returns a builder for the given SDK key.
     *
     * @param sdkKey the SDK key; letters, digits and {@code - _ . ~ /} only
     * @return a new builder
     * @throws IllegalArgumentException if the key cannot be placed in a URL path (the message omits the key)
     */
    public static Builder builder(String sdkKey) {
        return new Builder(SdkKeys.requireValid(sdkKey));
    }

    /**
     * Returns the SDK key. Never log it; use {@link SdkKeys#redact}.
     *
     * @return the SDK key
     */
    public String sdkKey() {
        return sdkKey;
    }

    /**
     * Returns the wire protocol: which path is downloaded and which headers and preferences apply.
     *
     * @return the protocol
     */
    public ConfigProtocol protocol() {
        return protocol;
    }

    /**
     * Returns the base URL the first download goes to.
     *
     * @return the base URL, without a trailing slash
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns whether the base URL was set explicitly; a custom base URL only follows a forced redirect
     * ({@code p.r == 2}) of the config's preferences.
     *
     * @return true for a custom base URL, false for a data-governance CDN
     */
    public boolean customBaseUrl() {
        return customBaseUrl;
    }

    /**
     * Returns the largest config body accepted, in bytes.
     *
     * @return the limit
     */
    public int maxConfigBytes() {
        return maxConfigBytes;
    }

    /**
     * Returns the deadline of one download as a whole: waiting for a pooled connection, connecting, sending, reading
     * the answer to its last byte, and the data-governance redirects it follows.
     *
     * @return the download deadline
     */
    public Duration downloadTimeout() {
        return downloadTimeout;
    }

    @Override
    public String toString() {
        return "ConfigFetcherOptions{sdkKey=" + SdkKeys.redact(sdkKey) + ", protocol=" + protocol + ", baseUrl="
                + baseUrl + ", customBaseUrl=" + customBaseUrl + ", maxConfigBytes=" + maxConfigBytes
                + ", downloadTimeout=" + downloadTimeout + '}';
    }

    /**
     * Builds {@link ConfigFetcherOptions}; validates each value as it is set. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String sdkKey;
        private ConfigProtocol protocol = ConfigProtocol.CONFIGCAT;
        private DataGovernance dataGovernance = DataGovernance.GLOBAL;
        private @Nullable URI baseUrl;
        private @Nullable URI cdnBaseUrl;
        private int maxConfigBytes = DEFAULT_MAX_CONFIG_BYTES;
        private Duration downloadTimeout = DEFAULT_DOWNLOAD_TIMEOUT;

        private Builder(String sdkKey) {
            this.sdkKey = sdkKey;
        }

        /**
         * Sets the wire protocol (default {@link ConfigProtocol#CONFIGCAT}); {@link ConfigProtocol#DEVCYCLE} downloads
         * {@code {baseUrl}/config/v2/server/{sdkKey}.json} (default base URL {@link LocalOptions#DEVCYCLE_CDN}) and
         * ignores the data governance.
         *
         * @param protocol the protocol
         * @return this builder
         */
        public Builder protocol(ConfigProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Sets the CDN to download from when no custom base URL is set (default {@link DataGovernance#GLOBAL}).
         *
         * @param dataGovernance the data governance
         * @return this builder
         */
        public Builder dataGovernance(DataGovernance dataGovernance) {
            this.dataGovernance = Objects.requireNonNull(dataGovernance, "dataGovernance");
            return this;
        }

        /**
         * Sets a custom base URL, such as a Vexilla bucketing server or a ConfigCat proxy (default: none, the
         * data-governance CDN).
         *
         * @param baseUrl an absolute http or https URL without query or fragment, or null for none
         * @return this builder
         * @throws IllegalArgumentException if the URL is not absolute http(s) or has a query or fragment
         */
        public Builder baseUrl(@Nullable URI baseUrl) {
            this.baseUrl = baseUrl == null ? null : BaseUrls.normalize(baseUrl);
            return this;
        }

        /** Replaces the data-governance CDN URL (not a custom base URL): lets tests play the CDN. */
        Builder cdnBaseUrl(URI url) {
            this.cdnBaseUrl = BaseUrls.normalize(url);
            return this;
        }

        /**
         * Sets the largest config body accepted (default {@link #DEFAULT_MAX_CONFIG_BYTES}); a larger body is a
         * transient failure.
         *
         * @param maxConfigBytes the limit in bytes, at least {@link #MIN_MAX_CONFIG_BYTES}
         * @return this builder
         * @throws IllegalArgumentException if the limit is below {@link #MIN_MAX_CONFIG_BYTES}
         */
        public Builder maxConfigBytes(int maxConfigBytes) {
            if (maxConfigBytes < MIN_MAX_CONFIG_BYTES) {
                throw new IllegalArgumentException(
                        "maxConfigBytes must be >= " + MIN_MAX_CONFIG_BYTES + ", was " + maxConfigBytes);
            }
            this.maxConfigBytes = maxConfigBytes;
            return this;
        }

        /**
         * Sets the deadline of one download as a whole (default {@link #DEFAULT_DOWNLOAD_TIMEOUT}): waiting for a
         * pooled connection, connecting, sending, reading the answer to its last byte, and the data-governance
         * redirects it follows. A download still running at the deadline is aborted and fails as transient.
         *
         * @param timeout the deadline, at least {@link #MIN_DOWNLOAD_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException if the deadline is shorter than {@link #MIN_DOWNLOAD_TIMEOUT}
         */
        public Builder downloadTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "downloadTimeout");
            if (timeout.compareTo(MIN_DOWNLOAD_TIMEOUT) < 0) {
                throw new IllegalArgumentException(
                        "downloadTimeout must be >= " + MIN_DOWNLOAD_TIMEOUT + ", was " + timeout);
            }
            this.downloadTimeout = timeout;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public ConfigFetcherOptions build() {
            return new ConfigFetcherOptions(this);
        }
    }
}
