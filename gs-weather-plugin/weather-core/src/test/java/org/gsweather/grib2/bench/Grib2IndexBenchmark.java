package org.gsweather.grib2.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.gsweather.grib2.Grib2File;
import org.gsweather.testing.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening and indexing a 528-field file (the GFS 2.5 degree file followed by the NAM eta file,
 * concatenated into the build directory): map, walk every section, parse every grid and product
 * definition. Run with {@code bin/bench Grib2Index}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class Grib2IndexBenchmark {
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = TestData.cacheDir().resolve("bench-528-fields.grib2");
        Files.createDirectories(file.getParent());
        Files.write(file, Files.readAllBytes(TestData.file("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2")));
        Files.write(file, Files.readAllBytes(TestData.file("grib2/noaa/eta.grib2")), StandardOpenOption.APPEND);
    }

    @Benchmark
    public int index528() throws IOException {
        try (Grib2File f = Grib2File.open(file)) {
            return f.fields().size();
        }
    }
}
