package org.gsweather.codec.jpeg2000;

import java.util.concurrent.TimeUnit;
import org.gsweather.field.DataFormatException;
import org.gsweather.testing.Grib2Walker;
import org.gsweather.testing.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JPEG 2000 decoding (code stream to samples) of the CMC GDPS (1500x751, 12 bits) and HRDPS (2540x1290,
 * 16 bits) fields, by our decoder and by JJ2000. Run with {@code bin/bench Jpeg2000}; the GRIB2 decode of
 * the same fields against ecCodes is {@code bin/bench-decode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class Jpeg2000Benchmark {
    @Param({
        "grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2",
        "grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2"
    })
    public String file;

    @Param({"ours", "jj2000"})
    public String decoder;

    private byte[] stream;
    private int count;

    @Setup
    public void load() {
        Grib2Walker.Field field = Grib2Walker.fields(TestData.file(file)).get(0);
        stream = field.dataBytes();
        count = field.count();
    }

    @Benchmark
    public int[] decode() throws DataFormatException, J2kUnsupportedException {
        return decoder.equals("jj2000") ? Jj2000Decoder.decode(stream, count) : J2kDecoder.decode(stream, count);
    }
}
