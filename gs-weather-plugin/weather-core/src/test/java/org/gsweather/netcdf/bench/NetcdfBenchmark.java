package org.gsweather.netcdf.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.gsweather.netcdf.NetcdfField;
import org.gsweather.netcdf.NetcdfFile;
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
 * NetCDF speed, one thread: opening and indexing a file (header, coordinates, every field's
 * identification; no data), and decoding one field to physical floats. Run with {@code bin/bench
 * NetcdfBenchmark}; the 1 km CONUS band and the 1-degree CF file are generated (see {@link NetcdfBenchFiles}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g"})
public class NetcdfBenchmark {

    /** File and the variable to decode (its first field). */
    @Param({
        "bench:goes-conus-1km.nc:Rad", // 5000x3000 ushort, deflate level 1, chunks 250x250
        "bench:goes-conus-1km.nc:RadShuffled", // same with the shuffle filter
        NetcdfBenchFiles.GOES_CONUS_2KM + ":Rad", // real ABI band 4 CONUS, 2500x1500
        "bench:cf-1deg-100.nc:air", // NetCDF-4, 360x181 float, 100 steps
        "bench:cf-1deg-100-nc3.nc:air", // NetCDF-3 64-bit offset, record variable
    })
    public String file;

    private String variable;
    private java.nio.file.Path path;
    private NetcdfFile open;
    private NetcdfField field;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        int colon = file.lastIndexOf(':');
        variable = file.substring(colon + 1);
        path = NetcdfBenchFiles.file(file.substring(0, colon));
        open = NetcdfFile.open(path);
        field = open.fields(variable).get(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        open.close();
    }

    /** Open, read the header and coordinates, identify every field, close. */
    @Benchmark
    public int openAndIndex() throws IOException {
        try (NetcdfFile f = NetcdfFile.open(path)) {
            return f.fields().size();
        }
    }

    /** One field to physical floats (unpacked, missing as NaN). */
    @Benchmark
    public float[] decode() throws IOException {
        return field.read();
    }

    /** The same through the raw stored-order path of {@code wx decode}. */
    @Benchmark
    public float[] decodeStoredOrder() throws IOException {
        return open.read(variable, field.index()).values();
    }
}
