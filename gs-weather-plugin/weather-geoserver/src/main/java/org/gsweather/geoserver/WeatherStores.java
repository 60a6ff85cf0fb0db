package org.gsweather.geoserver;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.platform.GeoServerExtensions;
import org.gsweather.store.FieldCache;
import org.gsweather.store.InvalidStoreException;
import org.gsweather.store.StoreSettings;
import org.gsweather.store.WeatherStore;

/**
 * What every weather store of a GeoServer shares: the field cache, the thread that follows store
 * directories, and the stores themselves, one per location and settings however many readers GeoServer
 * opens on it (it opens one per set of hints), closed when the last reader is disposed.
 *
 * <p>The field cache's size comes from {@code WX_FIELD_CACHE_SIZE} (system property, context parameter
 * or environment variable, as GeoServer reads its settings): bytes with an optional unit ({@code 512MB},
 * {@code 2GB}) or a share of the heap ({@code 25%}, the default).
 */
final class WeatherStores {
    private static final Logger LOG = Logger.getLogger(WeatherStores.class.getName());
    static final String CACHE_SIZE_PROPERTY = "WX_FIELD_CACHE_SIZE";

    private static volatile FieldCache cache;
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wx-store-poller");
        t.setDaemon(true);
        return t;
    });
    private static final Map<StoreSettings, Shared> STORES = new HashMap<>();
    private static final List<Consumer<WeatherStore>> OPENED = new CopyOnWriteArrayList<>();

    private WeatherStores() {}

    /** A store shared by the readers on one location and settings, opened on first use. */
    static final class Shared {
        final WeatherStore store;
        int readers;

        Shared(WeatherStore store) {
            this.store = store;
        }
    }

    static synchronized WeatherStore acquire(StoreSettings settings) throws IOException {
        Shared s = STORES.get(settings);
        if (s == null) {
            s = new Shared(WeatherStore.open(settings, cache(), Clock.systemUTC(), POLLER));
            STORES.put(settings, s);
            for (Consumer<WeatherStore> hook : OPENED) {
                try {
                    hook.accept(s.store);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "weather store " + settings.location() + ": " + e.getMessage(), e);
                }
            }
        }
        s.readers++;
        return s.store;
    }

    static synchronized void release(WeatherStore store) {
        Shared s = STORES.get(store.settings());
        if (s == null || s.store != store) {
            return;
        }
        if (--s.readers <= 0) {
            STORES.remove(store.settings());
            try {
                store.close();
            } catch (IOException e) {
                LOG.log(
                        Level.WARNING,
                        "closing weather store " + store.settings().location(),
                        e);
            }
        }
    }

    /** The open store on a location and settings, or null. */
    static synchronized WeatherStore find(StoreSettings settings) {
        Shared s = STORES.get(settings);
        return s == null ? null : s.store;
    }

    /** Tells {@code hook} of every store opened from now on (while the stores are locked: return quickly). */
    static void onOpen(Consumer<WeatherStore> hook) {
        OPENED.add(hook);
    }

    /** Every open store, for status and administration. */
    static synchronized List<WeatherStore> open() {
        return STORES.values().stream().map(s -> s.store).toList();
    }

    static FieldCache cache() {
        FieldCache c = cache;
        if (c == null) {
            synchronized (WeatherStores.class) {
                c = cache;
                if (c == null) {
                    c = new FieldCache(cacheBytes(
                            GeoServerExtensions.getProperty(CACHE_SIZE_PROPERTY),
                            Runtime.getRuntime().maxMemory()));
                    cache = c;
                    long mb = c.maximumBytes() >> 20;
                    LOG.info("Weather field cache: " + mb + " MB (" + CACHE_SIZE_PROPERTY + ")");
                }
            }
        }
        return c;
    }

    /** The cache size of a setting: {@code 25%} of the heap, {@code 512MB}, {@code 2GB}, bytes; null for 25%. */
    static long cacheBytes(String setting, long maxHeap) {
        if (setting == null || setting.isBlank()) {
            return (long) (maxHeap * FieldCache.DEFAULT_HEAP_FRACTION);
        }
        String s = setting.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        try {
            if (s.endsWith("%")) {
                double pct = Double.parseDouble(s.substring(0, s.length() - 1));
                if (pct > 0 && pct <= 90) {
                    return (long) (maxHeap * pct / 100);
                }
            } else {
                long unit = 1;
                for (String[] u :
                        new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
                    if (s.endsWith(u[0])) {
                        unit = Long.parseLong(u[1]);
                        s = s.substring(0, s.length() - u[0].length());
                        break;
                    }
                }
                long bytes = (long) (Double.parseDouble(s) * unit);
                if (bytes > 0) {
                    return bytes;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new InvalidStoreException(
                CACHE_SIZE_PROPERTY + "=" + setting + ": give a share of the heap (25%) or a size (512MB, 2GB)");
    }
}
