package org.gsweather.geoserver;

import java.util.Optional;
import java.util.stream.Collectors;
import org.geoserver.platform.ModuleStatus;
import org.gsweather.store.FieldCache;
import org.gsweather.store.StoreSnapshot;
import org.gsweather.store.WeatherStore;

/** The module's line on GeoServer's status page: version, field cache and each open weather store. */
public class WeatherModuleStatus implements ModuleStatus {
    @Override
    public String getModule() {
        return "gs-weather-stores";
    }

    @Override
    public Optional<String> getComponent() {
        return Optional.of("Weather GRIB2 and NetCDF stores");
    }

    @Override
    public String getName() {
        return "Weather stores";
    }

    @Override
    public Optional<String> getVersion() {
        return Optional.ofNullable(WeatherModuleStatus.class.getPackage().getImplementationVersion());
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public Optional<String> getMessage() {
        FieldCache c = WeatherStores.cache();
        String cache = String.format(
                "field cache %d of %d MB, %d fields, hit ratio %.3f (%d hits, %d misses, %d evictions)",
                c.bytes() >> 20,
                c.maximumBytes() >> 20,
                c.entries(),
                c.stats().hitRate(),
                c.stats().hitCount(),
                c.stats().missCount(),
                c.stats().evictionCount());
        String stores =
                WeatherStores.open().stream().map(WeatherModuleStatus::describe).collect(Collectors.joining("\n"));
        return Optional.of(stores.isEmpty() ? cache : cache + "\n" + stores);
    }

    private static String describe(WeatherStore s) {
        StoreSnapshot snap = s.snapshot();
        String line = s.settings().location() + ": " + snap.files().size() + " files, "
                + snap.coverages().size() + " coverages, " + snap.hidden().size() + " hidden by retention";
        if (!snap.rejected().isEmpty()) {
            line += ", skipped: "
                    + snap.rejected().stream()
                            .map(r -> r.path().getFileName() + " (" + r.reason() + ")")
                            .collect(Collectors.joining("; "));
        }
        return line;
    }

    @Override
    public Optional<String> getDocumentation() {
        return Optional.of("docs/geoserver.md");
    }
}
