package org.gsweather.geoserver;

import org.gsweather.store.FileFormat;

/** The two store formats, for code that builds readers outside GeoServer's catalog (tests, benchmarks, tools). */
public final class WeatherFormats {
    private WeatherFormats() {}

    public static WeatherFormat grib2() {
        return new WeatherFormat(FileFormat.GRIB2);
    }

    public static WeatherFormat netcdf() {
        return new WeatherFormat(FileFormat.NETCDF);
    }
}
