package org.gsweather.geoserver;

import java.util.Optional;
import java.util.function.Consumer;
import org.geotools.coverage.grid.io.GridCoverage2DReader;
import org.gsweather.store.Coverage;
import org.gsweather.store.FieldCache;
import org.gsweather.store.WeatherStore;

/**
 * The weather store and coverage behind a GeoTools reader that GeoServer hands out, however it wrapped
 * ours (single-coverage and band-customizing wrappers keep our format and source).
 */
public final class WeatherReaders {
    private WeatherReaders() {}

    /** The coverage a reader of one layer reads, or empty when the reader is not a weather store's. */
    public static Optional<Layer> layer(GridCoverage2DReader reader) {
        if (reader == null || !(reader.getFormat() instanceof WeatherFormat format)) {
            return Optional.empty();
        }
        Object source = reader.getSource();
        if (!(source instanceof WeatherSource ws)) {
            return Optional.empty();
        }
        WeatherStore store = WeatherStores.find(ws.settings(format.fileFormat()));
        String[] names;
        try {
            names = reader.getGridCoverageNames();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (store == null || names.length != 1) {
            return Optional.empty();
        }
        Coverage coverage = store.snapshot().coverage(names[0]);
        return coverage == null ? Optional.empty() : Optional.of(new Layer(store, coverage));
    }

    /** Whether a catalog store type ({@code Weather GRIB2}, {@code Weather NetCDF}) is a weather store's. */
    public static boolean isWeatherType(String storeType) {
        return WeatherTypes.of(storeType) != null;
    }

    /** The field cache every weather store of this GeoServer shares. */
    public static FieldCache fieldCache() {
        return WeatherStores.cache();
    }

    /**
     * Tells {@code hook} of every weather store opened from now on, and at once of those open now (while the stores
     * are locked: return quickly).
     */
    public static void onStoreOpened(Consumer<WeatherStore> hook) {
        synchronized (WeatherStores.class) {
            WeatherStores.onOpen(hook);
            WeatherStores.open().forEach(hook);
        }
    }

    /** A weather store and one of its coverages, as they are now. */
    public record Layer(WeatherStore store, Coverage coverage) {}
}
