package org.gsweather.geoserver;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.geotools.api.coverage.grid.GridCoverageWriter;
import org.geotools.api.parameter.GeneralParameterDescriptor;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.coverage.grid.io.imageio.GeoToolsWriteParams;
import org.geotools.parameter.DefaultParameterDescriptorGroup;
import org.geotools.parameter.ParameterGroup;
import org.geotools.util.factory.Hints;
import org.gsweather.store.FileFormat;
import org.gsweather.store.InvalidStoreException;
import org.gsweather.store.WeatherStore;

/**
 * The {@code Weather GRIB2} and {@code Weather NetCDF} store types: identifies sources and builds
 * readers, nothing else.
 */
public final class WeatherFormat extends AbstractGridFormat {
    private final FileFormat fileFormat;

    WeatherFormat(FileFormat fileFormat) {
        this.fileFormat = fileFormat;
        Map<String, String> info = new HashMap<>();
        info.put("name", name(fileFormat));
        info.put(
                "description",
                fileFormat.label() + " weather data (one file or a followed directory) with time, "
                        + "level and model run dimensions: file:PATH[?pattern=GLOB&keepRuns=N&maxAge=48h&deleteExpired=true]");
        info.put("vendor", "gs-weather");
        info.put("docURL", "https://github.com/gsweather/gs-weather/blob/main/docs/geoserver.md");
        info.put("version", "1.0");
        mInfo = info;
        readParameters =
                new ParameterGroup(new DefaultParameterDescriptorGroup(mInfo, new GeneralParameterDescriptor[] {
                    READ_GRIDGEOMETRY2D, TIME, ELEVATION, BANDS, INPUT_TRANSPARENT_COLOR
                }));
        writeParameters = null;
    }

    static String name(FileFormat f) {
        return "Weather " + f.label();
    }

    public FileFormat fileFormat() {
        return fileFormat;
    }

    @Override
    public WeatherCoverageReader getReader(Object source) {
        return getReader(source, null);
    }

    /**
     * A reader of a store on a file or a directory.
     *
     * @throws InvalidStoreException when the location is missing, of the other format or the options are wrong
     */
    @Override
    public WeatherCoverageReader getReader(Object source, Hints hints) {
        WeatherSource s = WeatherSource.of(source);
        WeatherStore.check(s.settings(fileFormat));
        try {
            return new WeatherCoverageReader(this, s, hints);
        } catch (IOException e) {
            throw new InvalidStoreException(name(fileFormat) + " store on " + s.location() + ": " + e.getMessage());
        }
    }

    @Override
    public boolean accepts(Object source, Hints hints) {
        try {
            WeatherStore.check(WeatherSource.of(source).settings(fileFormat));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public GridCoverageWriter getWriter(Object destination) {
        throw new UnsupportedOperationException(name(fileFormat) + " stores are read-only");
    }

    @Override
    public GridCoverageWriter getWriter(Object destination, Hints hints) {
        return getWriter(destination);
    }

    @Override
    public GeoToolsWriteParams getDefaultImageIOWriteParameters() {
        throw new UnsupportedOperationException(name(fileFormat) + " stores are read-only");
    }
}
