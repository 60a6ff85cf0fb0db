package org.gsweather.geoserver;

import org.gsweather.store.FileFormat;

/** The {@code Weather NetCDF} store type. */
public final class WeatherNetcdfFormatFactory extends WeatherFormatFactory {
    public WeatherNetcdfFormatFactory() {
        super(FileFormat.NETCDF);
    }
}
