package org.gsweather.gwc.cluster;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geowebcache.GeoWebCacheExtensions;
import org.geowebcache.storage.blobstore.memory.CacheProvider;

/** GWC's in-memory tile caches of this JVM (the {@link CacheProvider} beans GeoServer's memory blob store uses). */
public final class MemoryTileCaches {
    private static final Logger LOG = Logger.getLogger(MemoryTileCaches.class.getName());

    private MemoryTileCaches() {}

    public static void evictLayer(String layerName) {
        for (CacheProvider cache : caches()) {
            cache.removeLayer(layerName);
        }
        LOG.fine(() -> "Dropped layer " + layerName + " from the in-memory tile cache (changed on another node)");
    }

    public static void evictAll() {
        for (CacheProvider cache : caches()) {
            cache.clear();
        }
    }

    private static List<CacheProvider> caches() {
        try {
            return GeoWebCacheExtensions.extensions(CacheProvider.class).stream()
                    .filter(CacheProvider::isAvailable)
                    .toList();
        } catch (RuntimeException e) {
            // outside a GWC application context (tests, plain GWC without Spring): nothing to evict
            LOG.log(Level.FINEST, "No GWC application context", e);
            return List.of();
        }
    }
}
