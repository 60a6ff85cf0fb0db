package org.gsweather.grib2.bench;

import java.util.concurrent.TimeUnit;
import org.gsweather.field.DataFormatException;
import org.gsweather.grib2.CcsdsFields;
import org.gsweather.testing.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Template 5.42 decoding of the first field of the ECMWF open-data file (geopotential height, 405 900
 * values of 12 bits, J=32, r=128, preprocessed): the score is nanoseconds per value, times 0.4059 is
 * milliseconds per field. From the module directory:
 *
 * <pre>
 * mvn test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.gsweather.grib2.bench.AecBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AecBenchmark.VALUES)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class AecBenchmark {
    static final int VALUES = 405_900;

    private CcsdsFields.Decoding field;
    private float[] out;

    @Setup
    public void load() {
        field = CcsdsFields.of(TestData.file("grib2/grib-rs/20240101000000-0h-oper-fc.grib2.0-10.xz"), 0);
        if (field.count() != VALUES) {
            throw new IllegalStateException("the first field has " + field.count() + " values, not " + VALUES);
        }
        out = new float[VALUES];
    }

    @Benchmark
    public float[] unpack() throws DataFormatException {
        field.unpack(out);
        return out;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(AecBenchmark.class.getName()).build()).run();
    }
}
