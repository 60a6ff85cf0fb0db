package org.gsweather.geoserver;

import java.awt.RenderingHints;
import java.util.Map;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.coverage.grid.io.GridFormatFactorySpi;
import org.gsweather.store.FileFormat;

/** Registers the {@code Weather NetCDF} store type with GeoTools (META-INF/services). */
public final class WeatherNetcdfFormatFactory implements GridFormatFactorySpi {
    @Override
    public AbstractGridFormat createFormat() {
        return new WeatherFormat(FileFormat.NETCDF);
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
