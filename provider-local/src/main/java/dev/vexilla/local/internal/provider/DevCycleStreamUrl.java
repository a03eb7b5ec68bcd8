package dev.vexilla.local.internal.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the change stream a DevCycle config v2 names: its top-level {@code sse} member,
 * {@code {"hostname": "https://sse.devcycle.com", "path": "/event-stream?..."}}, joined as {@code hostname + path}
 * the way DevCycle's SDKs join them. Only that member is read; the rest of the document is skipped without building
 * a tree. Static only.
 */
final class DevCycleStreamUrl {

    private static final JsonFactory JSON = new JsonFactory();

    private DevCycleStreamUrl() {}

    /**
     * Returns the stream URL of a config.
     *
     * @param json a config JSON (already parsed once, so well-formed)
     * @return the absolute http(s) URL, or empty when the config names none or names something that is not one
     */
    static Optional<URI> of(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("sse".equals(name) && value == JsonToken.START_OBJECT) {
                    return read(parser);
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> read(JsonParser parser) throws IOException {
        String hostname = null;
        String path = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("hostname".equals(name) && value == JsonToken.VALUE_STRING) {
                hostname = parser.getText();
            } else if ("path".equals(name) && value == JsonToken.VALUE_STRING) {
                path = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (hostname == null || hostname.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(hostname.trim() + path.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
