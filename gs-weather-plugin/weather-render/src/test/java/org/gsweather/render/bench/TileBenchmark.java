package org.gsweather.render.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gsweather.render.FieldSource;
import org.gsweather.render.Style;
import org.gsweather.render.StyleParser;
import org.gsweather.render.TileMatrixSet;
import org.gsweather.render.TileRenderer;
import org.gsweather.render.View;
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
 * One tile from a decoded field to PNG bytes, one thread: color ramp, barbs, isolines with labels, at
 * 256 and 512 pixels. GFS 2.5 deg (global lat/lon, 0-360) over North America in WebMercatorQuad 3/2/2,
 * the same field and tile as the EDAL comparison; HRRR 3 km Lambert for a large grid. Run with {@code
 * bin/bench -m weather-render Tile -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class TileBenchmark {

    @Param({"256", "512"})
    public int size;

    private final TileRenderer renderer = new TileRenderer();
    private FieldSource gfsTmp;
    private FieldSource gfsWind;
    private FieldSource hrrrTmp;
    private List<Style> ramp;
    private List<Style> barbs;
    private List<Style> isolines;
    private List<Style> hrrrRamp;
    private View gfsTile;
    private View hrrrTile;

    @Setup
    public void setUp() throws IOException {
        gfsTmp = FieldSource.of(BenchFields.scalar(BenchFields.GFS, "TMP", "850 hPa"));
        gfsWind = FieldSource.of(BenchFields.wind(BenchFields.GFS, "500 hPa"));
        hrrrTmp = FieldSource.of(BenchFields.scalar(BenchFields.HRRR, "TMP", ""));
        ramp = StyleParser.parse("ramp:temperature,units=degC,sampling=bilinear");
        hrrrRamp = StyleParser.parse("ramp:temperature,units=degC");
        barbs = StyleParser.parse("barbs");
        isolines = StyleParser.parse("isolines:interval=2,units=degC,major=5");
        gfsTile = TileMatrixSet.WEB_MERCATOR_QUAD.tile(3, 2, 2, size);
        hrrrTile = TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, 8, 11, size);
    }

    @Benchmark
    public byte[] rampGfs() {
        return renderer.renderPng(gfsTmp, ramp, gfsTile);
    }

    @Benchmark
    public byte[] rampHrrr() {
        return renderer.renderPng(hrrrTmp, hrrrRamp, hrrrTile);
    }

    @Benchmark
    public byte[] barbsGfs() {
        return renderer.renderPng(gfsWind, barbs, gfsTile);
    }

    @Benchmark
    public byte[] isolinesGfs() {
        return renderer.renderPng(gfsTmp, isolines, gfsTile);
    }
}
