package dev.vexilla.local.internal.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Checks and normalises base URLs: absolute http(s), no query or fragment, no trailing slash. */
final class BaseUrls {
    private BaseUrls() {}

    /**
     * Returns the URL without trailing slashes.
     *
     * @throws IllegalArgumentException if the URL is not absolute http(s) with a host, or has a query or fragment
     */
    static URI normalize(URI url) {
        Objects.requireNonNull(url, "baseUrl");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL, was '" + url + "'");
        }
        if (url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must have a host and no query or fragment, was '" + url + "'");
        }
        String text = url.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return URI.create(text.substring(0, end));
    }

    /** Parses and normalises a URL from a config's preferences. */
    static URI parse(String text) {
        try {
            return normalize(new URI(text.trim()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URI: '" + text + "'", e);
        }
    }
}
