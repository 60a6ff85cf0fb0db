package org.gsweather.grib2.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import org.gsweather.field.DataFormatException;
import org.gsweather.grib2.TestMessage;
import org.gsweather.testing.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Template 5.41 on the MRMS reflectivity field (7000 x 3500, 16-bit grey, 1.1 MB of PNG, 49 MB
 * inflated). From {@code gs-weather-plugin/weather-core}, after {@code mvn test-compile}:
 *
 * <pre>
 * mvn -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main PngBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class PngBenchmark {
    private static final String MRMS = "grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz";

    private static final int IDAT = 0x49444154;

    private TestMessage message;
    private float[] out;

    @Setup
    public void setup() {
        message = TestMessage.read(TestData.file(MRMS));
        out = new float[message.count()];
    }

    @Benchmark
    public float[] mrms() throws DataFormatException {
        message.unpackPng(out);
        return out;
    }

    /** The floor: inflating the IDAT chunks alone, row by row, with nothing else. */
    @Benchmark
    public long inflateOnly() throws java.util.zip.DataFormatException {
        ByteBuffer png = message.data();
        Inflater inflater = new Inflater();
        byte[] row = new byte[7000 * 2 + 1];
        long total = 0;
        for (int pos = 8; pos < png.limit(); pos += png.getInt(pos) + 12) {
            if (png.getInt(pos + 4) == IDAT) {
                inflater.setInput(png.slice(pos + 8, png.getInt(pos)));
                for (int n; (n = inflater.inflate(row)) > 0; ) {
                    total += n;
                }
            }
        }
        inflater.end();
        return total;
    }
}
