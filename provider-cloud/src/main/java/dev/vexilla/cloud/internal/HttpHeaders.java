package dev.vexilla.cloud.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/** Builds request header arrays: the user's extra headers, then the protocol's authentication, which wins. */
final class HttpHeaders {
    private HttpHeaders() {}

    static Header[] merge(Map<String, String> extra, Map<String, String> auth) {
        List<Header> out = new ArrayList<>();
        extra.forEach((name, value) -> {
            if (!containsIgnoreCase(auth, name)) {
                out.add(new BasicHeader(name, value));
            }
        });
        auth.forEach((name, value) -> out.add(new BasicHeader(name, value)));
        out.add(new BasicHeader("Accept", "application/json"));
        return out.toArray(new Header[0]);
    }

    private static boolean containsIgnoreCase(Map<String, String> map, String name) {
        for (String key : map.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
