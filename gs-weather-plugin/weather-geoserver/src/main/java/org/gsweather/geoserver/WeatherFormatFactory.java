package org.gsweather.geoserver;

import java.awt.RenderingHints;
import java.util.Map;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.coverage.grid.io.GridFormatFactorySpi;
import org.gsweather.store.FileFormat;

/** Registers a weather store type with GeoTools (META-INF/services): one subclass per format. */
abstract class WeatherFormatFactory implements GridFormatFactorySpi {
    private final FileFormat format;

    WeatherFormatFactory(FileFormat format) {
        this.format = format;
    }

    @Override
    public AbstractGridFormat createFormat() {
        return new WeatherFormat(format);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Map<RenderingHints.Key, ?> getImplementationHints() {
        return Map.of();
    }
}
