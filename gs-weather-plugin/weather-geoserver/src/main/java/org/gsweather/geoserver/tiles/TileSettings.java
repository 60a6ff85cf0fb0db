package org.gsweather.geoserver.tiles;

import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Logger;
import org.gsweather.tiles.WarmSettings;

/**
 * How the plugin serves and renders tiles ahead, from GeoServer's settings (system property, context parameter or
 * environment variable, as GeoServer reads its own; docs/metrics.md):
 *
 * @param fastHits {@code WX_FAST_HITS}: serve cached tiles of layers anyone may read before GeoServer's dispatcher
 * @param prefetchTimes {@code WX_PREFETCH_TIMES}: render the next N times of a requested tile (0: off)
 * @param prefetchRing {@code WX_PREFETCH_RING}: render the metatiles around a requested tile
 * @param prefetchThreads {@code WX_PREFETCH_THREADS}: threads rendering ahead
 * @param prefetchQueue {@code WX_PREFETCH_QUEUE}: metatiles waiting at most (the oldest is dropped)
 * @param busy {@code WX_PREFETCH_BUSY}: above this many tile requests being rendered, nothing is queued
 * @param prefetchQuiet {@code WX_PREFETCH_QUIET}: milliseconds without a tile request before a prefetch render starts
 *     (at most a second later), so that it does not compete with a burst of requests; 0: at once
 * @param warm {@code WX_WARM}: warming of every weather layer unless its metadata {@code wx.warm} says otherwise
 */
public record TileSettings(
        boolean fastHits,
        int prefetchTimes,
        boolean prefetchRing,
        int prefetchThreads,
        int prefetchQueue,
        int busy,
        int prefetchQuiet,
        WarmSettings warm) {
    private static final Logger LOG = Logger.getLogger(TileSettings.class.getName());

    /** The settings GeoServer is started with. */
    public static TileSettings fromGeoServer() {
        return read(org.geoserver.platform.GeoServerExtensions::getProperty);
    }

    /** The settings as {@code lookup} (GeoServer's property lookup) gives them; a wrong value is logged and ignored. */
    public static TileSettings read(Function<String, String> lookup) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new TileSettings(
                bool(lookup, "WX_FAST_HITS", true),
                integer(lookup, "WX_PREFETCH_TIMES", 3, 0, 48),
                bool(lookup, "WX_PREFETCH_RING", false),
                integer(lookup, "WX_PREFETCH_THREADS", 1, 1, 16),
                integer(lookup, "WX_PREFETCH_QUEUE", 256, 1, 100_000),
                integer(lookup, "WX_PREFETCH_BUSY", 2 * cores, 0, 10_000),
                integer(lookup, "WX_PREFETCH_QUIET", 50, 0, 1000),
                warm(lookup));
    }

    private static WarmSettings warm(Function<String, String> lookup) {
        try {
            return WarmSettings.parse(lookup.apply("WX_WARM"), WarmSettings.DEFAULT, "WX_WARM");
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage() + "; warming with the defaults (" + WarmSettings.KEYS + ")");
            return WarmSettings.DEFAULT;
        }
    }

    private static boolean bool(Function<String, String> lookup, String key, boolean fallback) {
        String v = lookup.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                LOG.severe(key + "=" + v + ": give true or false; using " + fallback);
                return fallback;
        }
    }

    private static int integer(Function<String, String> lookup, String key, int fallback, int min, int max) {
        String v = lookup.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        LOG.severe(key + "=" + v + ": give a whole number from " + min + " to " + max + "; using " + fallback);
        return fallback;
    }
}
