package org.gsweather.grib2.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.testing.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode speed of one field of each packing on real files, one thread, including bitmap and scan
 * order. Run with {@code bin/bench Grib2Decode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
public class Grib2DecodeBenchmark {

    /** Test file (relative to the test data) and field number. */
    @Param({
        "grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.12.xz:1", // GFS 0.25 deg 1440x721, 5.3
        "grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz:1", // 7000x3500, 5.41
        "grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2:1", // 1799x1059 Lambert, 5.3
        "grib2/grib-rs/20240101000000-0h-oper-fc.grib2.0-10.xz:1", // ECMWF 900x451, 5.42
        "grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2:1", // 1500x751, 5.40
        "grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2:1", // 2540x1290, 5.40
    })
    public String field;

    private Grib2File decodeFile;
    private Grib2Field decodeField;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String[] parts = field.split(":");
        decodeFile = Grib2File.open(TestData.file(parts[0]));
        decodeField = decodeFile.field(Integer.parseInt(parts[1]));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        decodeFile.close();
    }

    @Benchmark
    public float[] decode() throws IOException {
        return decodeField.read();
    }
}
