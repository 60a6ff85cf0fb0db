package org.gsweather.geoserver.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValue;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.coverage.grid.GridGeometry2D;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.geometry.GeneralBounds;
import org.gsweather.geoserver.WeatherCoverageReader;
import org.gsweather.geoserver.WeatherFormats;
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
 * The GeoTools reader as GeoServer calls it: a 256 px read of a cached field in the native CRS (what a
 * GetMap with a stock ColorMap costs us), and the first read of a new file (the store opens and indexes
 * it, the read decodes the field and samples the tile).
 *
 * <p>{@code bin/bench -m weather-geoserver -P geoserver Reader}
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-da:org.geotools..."})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBenchmark {

    /** A field: test file and coverage ({@code *}: the file's only coverage). */
    @State(Scope.Thread)
    public static class Field {
        @Param({"grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2:TMP_SFC", "grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.12.xz:*"})
        public String field;

        Path file;
        String coverage;

        void resolve() {
            String[] p = field.split(":");
            file = TestData.file(p[0]);
            coverage = p[1];
        }
    }

    /** A 256 px tile a quarter of the grid wide, in its middle, in the native CRS. */
    static GeneralParameterValue[] tile(WeatherCoverageReader reader, String coverage) {
        GeneralBounds env = reader.getOriginalEnvelope(coverage);
        double w = env.getSpan(0) / 4;
        double cx = env.getMedian(0);
        double cy = env.getMedian(1);
        GeneralBounds box =
                new GeneralBounds(new double[] {cx - w / 2, cy - w / 2}, new double[] {cx + w / 2, cy + w / 2});
        box.setCoordinateReferenceSystem(env.getCoordinateReferenceSystem());
        ParameterValue<GridGeometry2D> gg = AbstractGridFormat.READ_GRIDGEOMETRY2D.createValue();
        gg.setValue(new GridGeometry2D(new GridEnvelope2D(0, 0, 256, 256), box));
        return new GeneralParameterValue[] {gg};
    }

    /** A reader whose field is decoded. */
    @State(Scope.Thread)
    public static class Cached extends Field {
        WeatherCoverageReader reader;
        GeneralParameterValue[] tile;

        @Setup(Level.Trial)
        public void open() throws IOException {
            resolve();
            reader = WeatherFormats.grib2().getReader(file.toFile());
            coverage = coverage.equals("*") ? reader.getGridCoverageNames()[0] : coverage;
            tile = tile(reader, coverage);
            reader.read(coverage, tile);
        }

        @TearDown(Level.Trial)
        public void close() {
            reader.dispose();
        }
    }

    /** Before every read, a file the server has never seen (a new copy). */
    @State(Scope.Thread)
    public static class NewFile extends Field {
        Path dir;
        Path copy;
        WeatherCoverageReader reader;

        @Setup(Level.Trial)
        public void dir() throws IOException {
            resolve();
            dir = Files.createTempDirectory("bench-new-file");
        }

        @Setup(Level.Invocation)
        public void copy() throws IOException {
            copy = Files.copy(file, dir.resolve("f" + System.nanoTime() + ".grib2"));
        }

        @TearDown(Level.Invocation)
        public void close() throws IOException {
            if (reader != null) {
                reader.dispose();
            }
            Files.deleteIfExists(copy);
        }

        @TearDown(Level.Trial)
        public void removeDir() throws IOException {
            Files.deleteIfExists(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public GridCoverage2D readCachedField256(Cached c) throws IOException {
        return c.reader.read(c.coverage, c.tile);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 30)
    public GridCoverage2D firstReadOfANewFile(NewFile n) throws IOException {
        n.reader = WeatherFormats.grib2().getReader(n.copy.toFile());
        String coverage = n.coverage.equals("*") ? n.reader.getGridCoverageNames()[0] : n.coverage;
        return n.reader.read(coverage, tile(n.reader, coverage));
    }
}
