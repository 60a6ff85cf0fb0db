package org.gsweather.geoserver;

import org.gsweather.store.FileFormat;

/** The {@code Weather GRIB2} store type. */
public final class WeatherGrib2FormatFactory extends WeatherFormatFactory {
    public WeatherGrib2FormatFactory() {
        super(FileFormat.GRIB2);
    }
}
