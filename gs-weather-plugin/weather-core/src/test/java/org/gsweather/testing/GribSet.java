package org.gsweather.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * GRIB2 files that ecCodes' {@code grib_set} and {@code grib_copy} write from the test files (other
 * packings, depths and settings of real fields), made once per build under {@code target/}.
 */
public final class GribSet {
    private static final String NAM = "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2";
    private static final String GFS = "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2";

    private GribSet() {}

    /**
     * Test file, {@link #jpeg2000} settings and the bits per value ecCodes chooses: depths from 1 to 29
     * bits, lossless and lossy.
     */
    public static Stream<Arguments> jpeg2000Repacked() {
        return Stream.of(
                Arguments.of(NAM, "bitsPerValue=1", 1),
                Arguments.of(NAM, "bitsPerValue=4", 4),
                Arguments.of(NAM, "bitsPerValue=8", 8),
                Arguments.of(NAM, "bitsPerValue=12", 12),
                Arguments.of(NAM, "bitsPerValue=16", 16),
                Arguments.of(NAM, "bitsPerValue=20", 20),
                Arguments.of(NAM, "bitsPerValue=24", 24),
                Arguments.of(NAM, "bitsPerValue=28", 28),
                // lossy: OpenJPEG truncates the 5/3 code-blocks to reach the ratio
                Arguments.of(NAM, "bitsPerValue=16,typeOfCompressionUsed=1,targetCompressionRatio=10", 16),
                Arguments.of(NAM, "bitsPerValue=12,typeOfCompressionUsed=1,targetCompressionRatio=4", 12),
                Arguments.of(GFS, "decimalScaleFactor=1", 16),
                Arguments.of(GFS, "decimalScaleFactor=3,typeOfCompressionUsed=1,targetCompressionRatio=20", 22),
                Arguments.of(GFS, "decimalScaleFactor=5", 29));
    }

    /** {@code grib_set -r -s packingType=PACKING IN} into {@code target/ccsds/NAME}, once. */
    public static Path repack(Path in, String name, String packing) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "ccsds"));
        Path out = dir.resolve(name);
        if (!Files.exists(out) || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) < 0) {
            Path tmp = dir.resolve(name + ".part");
            Tools.run(List.of("grib_set", "-r", "-s", "packingType=" + packing, in.toString(), tmp.toString()));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    /**
     * The first message of test file {@code file} packed by ecCodes as {@code settings} say (e.g. {@code
     * bitsPerValue=12,typeOfCompressionUsed=1}) with JPEG 2000, into {@code target/j2k-eccodes}; with
     * {@code ieee}, that message repacked once more as IEEE floats (ecCodes' values of it).
     */
    public static Path jpeg2000(String file, String settings, boolean ieee) throws IOException {
        Tools.require("grib_set");
        Path dir = Files.createDirectories(Path.of("target", "j2k-eccodes"));
        String name =
                Path.of(file).getFileName() + "-" + settings.replace(',', '-').replace("=", "");
        Path first = dir.resolve(Path.of(file).getFileName() + ".1.grib2");
        Path jpeg = dir.resolve(name + ".grib2");
        Path ieeeFile = dir.resolve(name + ".ieee.grib2");
        synchronized (GribSet.class) {
            if (!Files.exists(first)) {
                Tools.run(List.of(
                        "grib_copy", "-w", "count=1", TestData.file(file).toString(), first.toString()));
            }
            set("packingType=grid_jpeg," + settings, first, jpeg);
            if (!ieee) {
                return jpeg;
            }
            set("packingType=grid_ieee", jpeg, ieeeFile);
            return ieeeFile;
        }
    }

    private static void set(String set, Path in, Path out) throws IOException {
        if (!Files.exists(out) || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) < 0) {
            Tools.run(List.of("grib_set", "-r", "-s", set, in.toString(), out.toString()));
        }
    }
}
