package org.gsweather.render.bench;

import java.io.IOException;
import org.gsweather.FieldFiles;
import org.gsweather.field.Field;
import org.gsweather.field.FieldFile;
import org.gsweather.render.GridValues;
import org.gsweather.render.WindPair;
import org.gsweather.render.WindValues;
import org.gsweather.testing.TestData;

/** The fields the rendering benchmarks draw, decoded once. */
public final class BenchFields {
    public static final String GFS = "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2";
    public static final String HRRR = "grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2";
    public static final String NAM = "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2";

    private BenchFields() {}

    public static GridValues scalar(String file, String shortName, String level) throws IOException {
        try (FieldFile f = FieldFiles.open(TestData.file(file))) {
            return GridValues.read(find(f, shortName, level));
        }
    }

    public static WindValues wind(String file, String level) throws IOException {
        try (FieldFile f = FieldFiles.open(TestData.file(file))) {
            return WindPair.find(f.fields(), find(f, "UGRD", level)).read();
        }
    }

    private static Field find(FieldFile f, String shortName, String level) {
        for (Field x : f.fields()) {
            if (x.info().parameter().shortName().equals(shortName)
                    && x.info().level().label().startsWith(level)) {
                return x;
            }
        }
        throw new IllegalArgumentException("no " + shortName + " at " + level + " in " + f.path());
    }
}
