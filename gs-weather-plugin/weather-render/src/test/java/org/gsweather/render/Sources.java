package org.gsweather.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.gsweather.FieldFiles;
import org.gsweather.field.Field;
import org.gsweather.field.FieldFile;
import org.gsweather.testing.TestData;

/** Decoded fields of the shared test files, kept for the whole test run. */
final class Sources {
    static final String GFS = "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2";
    static final String HRRR_TMP = "grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2";
    static final String HRRR_U = "grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2";
    static final String NAM = "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2";
    static final String ETA = "grib2/noaa/eta.grib2";
    static final String SAFRICA = "grib2/pygrib/safrica.grib2";
    static final String MERCATOR = "grib2/pygrib/dspr.temp.bin";
    static final String GAUSSIAN = "grib2/cfgrib/regular_gg_ml_g2.grib";
    static final String MRMS = "grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz";
    static final String GOES_C13 =
            "netcdf/goes/OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc";
    static final String GOES_CONUS =
            "netcdf/goes/OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc";
    static final String HRDPS = "grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2";

    private static final java.util.Map<String, Object> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private Sources() {}

    /** Field {@code number} (from 1) of a test file, decoded. */
    static GridValues field(String file, int number) {
        return (GridValues) CACHE.computeIfAbsent(file + "#" + number, k -> {
            try (FieldFile f = FieldFiles.open(TestData.file(file))) {
                return GridValues.read(f.fields().get(number - 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The first field with this short name whose level label starts with {@code level}. */
    static GridValues field(String file, String shortName, String level) {
        return (GridValues) CACHE.computeIfAbsent(file + "#" + shortName + "@" + level, k -> {
            try (FieldFile f = FieldFiles.open(TestData.file(file))) {
                return GridValues.read(find(f.fields(), shortName, level));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The wind at a level (u found by short name, v paired by WindPair). */
    static WindValues wind(String file, String level) {
        return (WindValues) CACHE.computeIfAbsent(file + "#wind@" + level, k -> {
            try (FieldFile f = FieldFiles.open(TestData.file(file))) {
                return WindPair.find(f.fields(), find(f.fields(), "UGRD", level))
                        .read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Field find(List<? extends Field> fields, String shortName, String level) {
        for (Field x : fields) {
            if (x.info().parameter().shortName().equals(shortName)
                    && x.info().level().label().startsWith(level)) {
                return x;
            }
        }
        throw new AssertionError("no " + shortName + " at " + level);
    }
}
