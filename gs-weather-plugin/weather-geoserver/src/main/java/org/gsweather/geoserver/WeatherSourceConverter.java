package org.gsweather.geoserver;

import java.util.Optional;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.CoverageReaderInputObjectConverter;
import org.geoserver.catalog.CoverageStoreInfo;
import org.geoserver.platform.ExtensionPriority;
import org.geotools.util.factory.Hints;

/**
 * Turns a weather store's URL into its source before GeoServer's own file resolution, which would keep
 * the settings query ({@code ?pattern=...}) as part of the file name.
 */
public class WeatherSourceConverter implements CoverageReaderInputObjectConverter<WeatherSource>, ExtensionPriority {

    @Override
    public Optional<WeatherSource> convert(Object input, CoverageInfo coverage, Hints hints) {
        return convert(input, coverage, coverage == null ? null : coverage.getStore(), hints);
    }

    @Override
    public Optional<WeatherSource> convert(Object input, CoverageInfo coverage, CoverageStoreInfo store, Hints hints) {
        if (store == null || WeatherTypes.of(store.getType()) == null || !(input instanceof String url)) {
            return Optional.empty();
        }
        return Optional.of(WeatherSource.of(WeatherSource.expand(url)));
    }

    @Override
    public int getPriority() {
        return HIGHEST;
    }
}
