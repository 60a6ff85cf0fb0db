package org.gsweather.loadtest.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Building request targets: percent-encoding and merging our parameters into an endpoint's own query. */
final class QueryString {
    private QueryString() {}

    /** Percent-encodes all but unreserved characters and the ':' and ',' that OGC values are full of. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == ':'
                    || c == ',') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                b.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    /**
     * An endpoint (path with an optional query of its own, e.g. a MapServer map=) followed by our parameters; the
     * endpoint's parameters that we set ourselves are dropped.
     *
     * @return the path and the endpoint's remaining query, ready for "KEY=value" pairs to be appended after it
     */
    static String prefix(String endpointPathAndQuery, List<String> ourKeys) {
        int q = endpointPathAndQuery.indexOf('?');
        String path = q < 0 ? endpointPathAndQuery : endpointPathAndQuery.substring(0, q);
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String pair : endpointPathAndQuery.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String key = pair.split("=", 2)[0].toUpperCase(Locale.ROOT);
                if (!ourKeys.contains(key)) {
                    kept.add(pair);
                }
            }
        }
        return path + "?" + (kept.isEmpty() ? "" : String.join("&", kept) + "&");
    }

    /** The parameters of a target's query, keys upper-cased, values not decoded. */
    static Map<String, String> parameters(String target) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].isEmpty()) {
                out.putIfAbsent(kv[0].toUpperCase(Locale.ROOT), kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }
}
