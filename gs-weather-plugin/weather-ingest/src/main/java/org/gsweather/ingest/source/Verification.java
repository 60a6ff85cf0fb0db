package org.gsweather.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gsweather.field.FieldInfo;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.ingest.inventory.LevelLabel;
import org.gsweather.netcdf.NetcdfFile;

/**
 * Checks a downloaded file before it may enter a store: weather-core must index it completely (every
 * GRIB2 message whole, its lengths consistent and ending in {@code 7777}; a NetCDF file opening with its
 * variables), and a model file must hold exactly the fields its inventory promised, of the run and hour
 * its name says.
 */
final class Verification {
    /**
     * A field the file must hold at that position.
     *
     * @param parameter short name as {@code wx inspect} prints it
     * @param level the level, or null when the inventory's level text is unknown to the mapping
     * @param selected whether it was asked for (others ride along in a multi-field message)
     */
    record Expected(String parameter, LevelLabel level, boolean selected) {}

    private Verification() {}

    /**
     * @param hour the forecast hour every field must be valid at, or null when fields of a file have several
     */
    static void modelFile(Path file, String name, List<Expected> expected, Instant run, Integer hour)
            throws VerificationException {
        try (Grib2File grib = Grib2File.open(file)) {
            List<Grib2Field> fields = grib.fields();
            if (fields.size() != expected.size()) {
                throw new VerificationException(name + ": " + fields.size() + " fields downloaded where the inventory"
                        + " promised " + expected.size());
            }
            for (int i = 0; i < fields.size(); i++) {
                FieldInfo info = fields.get(i).info();
                Expected e = expected.get(i);
                String where = name + ": field " + (i + 1);
                if (e.selected()
                        && (!e.parameter().equals(info.parameter().shortName())
                                || (e.level() != null && !e.level().sameLevel(LevelLabel.of(info.level()))))) {
                    throw new VerificationException(
                            where + " is " + info.parameter().shortName() + " | "
                                    + info.level().label() + ", the inventory said " + e.parameter() + " at "
                                    + e.level().description() + ": inventory and file disagree");
                }
                if (!info.referenceTime().equals(run)) {
                    throw new VerificationException(
                            where + " is of the run " + info.referenceTime() + ", not " + run + " as its name says");
                }
                if (hour != null && !info.forecastPeriod().equals(Duration.ofHours(hour))) {
                    throw new VerificationException(where + " is valid at +"
                            + info.forecastPeriod().toMinutes() + " min, not at the file's forecast hour " + hour);
                }
            }
        } catch (VerificationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new VerificationException(name + ": not a complete GRIB2 file: " + e.getMessage(), e);
        }
    }

    /** A GRIB2 file (an MRMS volume): complete and with at least one field. */
    static void gribFile(Path file, String name) throws VerificationException {
        try (Grib2File grib = Grib2File.open(file)) {
            if (grib.fields().isEmpty()) {
                throw new VerificationException(name + ": no field");
            }
        } catch (VerificationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new VerificationException(name + ": not a complete GRIB2 file: " + e.getMessage(), e);
        }
    }

    /** A NetCDF file of the listed size that opens with at least one field. */
    static void netcdfFile(Path file, String name, long size) throws VerificationException {
        try {
            long actual = Files.size(file);
            if (actual != size) {
                throw new VerificationException(name + ": " + actual + " bytes, the listing says " + size);
            }
            try (NetcdfFile nc = NetcdfFile.open(file)) {
                if (nc.fields().isEmpty()) {
                    throw new VerificationException(name + ": opens, but has no field");
                }
            }
        } catch (VerificationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new VerificationException(name + ": not a readable NetCDF file: " + e.getMessage(), e);
        }
    }
}
