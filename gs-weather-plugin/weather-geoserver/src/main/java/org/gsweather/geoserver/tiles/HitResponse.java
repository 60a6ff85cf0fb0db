package org.gsweather.geoserver.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.gwc.GWC;
import org.geowebcache.conveyor.Conveyor;
import org.geowebcache.conveyor.ConveyorTile;
import org.geowebcache.grid.GridSubset;
import org.geowebcache.io.Resource;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.stats.RuntimeStats;

/**
 * A cached tile written as GeoServer's WMTS writes one: the headers GWC sets on a hit ({@code geowebcache-cache-result},
 * {@code -tile-index}, {@code -tile-bounds}, {@code -gridset}, {@code -crs}), its cache headers for the layer and zoom,
 * {@code Last-Modified} with {@code If-Modified-Since} (304), the layer's {@code ETag} if it uses them, the
 * dispatcher's {@code Content-Disposition}; counted in GWC's runtime statistics.
 */
final class HitResponse {
    /** RFC 1123 dates as HTTP writes them (two-digit day), in GMT. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** Tile bounds as GWC writes them, kept: formatting them costs as much as reading the tile. */
    private static final Cache<BoundsKey, String> BOUNDS =
            Caffeine.newBuilder().maximumSize(100_000).build();

    private record BoundsKey(GridSubset subset, long x, long y, long z) {}

    private HitResponse() {}

    private static String bounds(GridSubset subset, long[] index) {
        return BOUNDS.get(
                new BoundsKey(subset, index[0], index[1], index[2]),
                k -> k.subset()
                        .boundsFromIndex(new long[] {k.x(), k.y(), k.z()})
                        .toString());
    }

    static void write(
            ConveyorTile tile,
            TileLayer layer,
            GridSubset subset,
            HttpServletRequest request,
            HttpServletResponse response,
            RuntimeStats stats)
            throws IOException {
        long[] index = tile.getTileIndex();
        int z = (int) index[2];
        Resource blob = tile.getBlob();
        String tileIndex = Arrays.toString(index);
        response.addHeader("geowebcache-tile-index", tileIndex);
        response.setContentType(tile.getMimeType().getMimeType(blob));
        Map<String, String> cache = new HashMap<>();
        GWC.setCacheControlHeaders(cache, layer, z);
        cache.forEach(response::setHeader);
        response.setHeader("geowebcache-cache-result", String.valueOf(Conveyor.CacheResult.HIT));
        response.addHeader("geowebcache-tile-index", tileIndex);
        response.setHeader("geowebcache-tile-bounds", bounds(subset, index));
        response.setHeader("geowebcache-gridset", subset.getName());
        response.setHeader("geowebcache-crs", subset.getSRS().toString());
        long created = tile.getTSCreated();
        response.setHeader("Last-Modified", HTTP_DATE.format(Instant.ofEpochMilli(created)));
        int status = notModifiedSince(request.getHeader("If-Modified-Since"), created) ? 304 : 200;
        if (status == 200 && layer.useETags()) {
            String tag = Long.toHexString(created);
            if (tag.equals(request.getHeader("If-None-Match"))) {
                status = 304;
            }
            response.setHeader("ETag", tag);
        }
        response.setHeader("Content-Disposition", "inline; filename=geoserver-dispatch.image");
        response.setStatus(status);
        if (status == 304) {
            return;
        }
        int length = (int) blob.getSize();
        response.setContentLength(length);
        try (OutputStream out = response.getOutputStream()) {
            blob.transferTo(Channels.newChannel(out));
        }
        if (stats != null) {
            stats.log(length, Conveyor.CacheResult.HIT);
        }
    }

    /** Whether a client's copy dated {@code header} is as new as the tile (to the second, as GWC compares). */
    private static boolean notModifiedSince(String header, long createdMillis) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        try {
            long since = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
            return since / 1000 >= createdMillis / 1000;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
