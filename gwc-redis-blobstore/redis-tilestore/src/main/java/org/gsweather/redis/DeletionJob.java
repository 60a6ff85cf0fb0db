package org.gsweather.redis;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A physical delete still to do, stored in Redis so that it survives a restart: SCAN every primary for {@code
 * tilePattern} and remove the tiles that are logically deleted; then, when {@code statePattern} is set, drop the
 * shard states nobody needs any more; for a range, finally drop its tombstones.
 */
record DeletionJob(
        String id,
        Kind kind,
        String layerName,
        String tilePattern,
        String statePattern,
        CacheId rangeCache,
        List<Integer> rangeZooms) {

    enum Kind {
        LAYER,
        GRIDSET,
        PARAMETERS,
        RANGE
    }

    DeletionJob {
        rangeZooms = rangeZooms == null ? List.of() : List.copyOf(rangeZooms);
    }

    String encode(TileKeyBuilder keys) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("v", "1");
        f.put("kind", kind.name());
        f.put("layer", layerName);
        f.put("tiles", tilePattern);
        if (statePattern != null) {
            f.put("states", statePattern);
        }
        if (rangeCache != null) {
            f.put("layerId", rangeCache.layerId());
            f.put("cache", keys.cacheField(rangeCache));
            f.put(
                    "zooms",
                    String.join(",", rangeZooms.stream().map(String::valueOf).toList()));
        }
        StringBuilder sb = new StringBuilder();
        f.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    static DeletionJob decode(String id, String encoded, TileKeyBuilder keys) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            f.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        CacheId cache = f.containsKey("cache") ? keys.cacheFromField(f.get("layerId"), f.get("cache")) : null;
        List<Integer> zooms = new ArrayList<>();
        if (f.containsKey("zooms") && !f.get("zooms").isEmpty()) {
            for (String z : f.get("zooms").split(",")) {
                zooms.add(Integer.parseInt(z));
            }
        }
        return new DeletionJob(
                id, Kind.valueOf(f.get("kind")), f.get("layer"), f.get("tiles"), f.get("states"), cache, zooms);
    }
}
