package org.gsweather.render.bench.edal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.gsweather.render.FieldSource;
import org.gsweather.render.GridValues;
import org.gsweather.render.Style;
import org.gsweather.render.StyleParser;
import org.gsweather.render.TileMatrixSet;
import org.gsweather.render.TileRenderer;
import org.gsweather.render.View;
import org.gsweather.render.WindValues;
import org.gsweather.render.bench.BenchFields;
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
import uk.ac.rdg.resc.edal.dataset.GriddedDataset;
import uk.ac.rdg.resc.edal.dataset.plugins.VectorPlugin;
import uk.ac.rdg.resc.edal.geometry.BoundingBoxImpl;
import uk.ac.rdg.resc.edal.graphics.style.ArrowLayer;
import uk.ac.rdg.resc.edal.graphics.style.ContourLayer;
import uk.ac.rdg.resc.edal.graphics.style.MapImage;
import uk.ac.rdg.resc.edal.graphics.style.RasterLayer;
import uk.ac.rdg.resc.edal.graphics.style.ScaleRange;
import uk.ac.rdg.resc.edal.graphics.style.SegmentColourScheme;
import uk.ac.rdg.resc.edal.graphics.utils.PlottingDomainParams;
import uk.ac.rdg.resc.edal.graphics.utils.SimpleFeatureCatalogue;
import uk.ac.rdg.resc.edal.util.GISUtils;

/**
 * Our renderer against ncWMS2's engine, EDAL 1.5.2, on the same field and tile, one thread: GFS 2.5 deg
 * 850 hPa temperature and 500 hPa wind, WebMercatorQuad tile 3/2/2 (North America), 256 and 512 px,
 * through to PNG bytes (EDAL's images encoded by ImageIO, as ncWMS2 does). EDAL: a gridded dataset read
 * scanline by scanline and reprojected by its DomainMapper, RasterLayer with a 200-color
 * SegmentColourScheme, ArrowLayer with WMO barbs, ContourLayer with labels. Run with {@code bin/bench -m
 * weather-render Edal -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
public class EdalBenchmark {

    @Param({"256", "512"})
    public int size;

    private final TileRenderer renderer = new TileRenderer();
    private FieldSource tmp;
    private FieldSource wind;
    private List<Style> ramp;
    private List<Style> barbs;
    private List<Style> isolines;
    private View tile;

    private SimpleFeatureCatalogue<GriddedDataset> catalogue;
    private PlottingDomainParams params;
    private MapImage edalRamp;
    private MapImage edalBarbs;
    private MapImage edalContours;

    @Setup
    public void setUp() throws Exception {
        GridValues t = BenchFields.scalar(BenchFields.GFS, "TMP", "850 hPa");
        WindValues w = BenchFields.wind(BenchFields.GFS, "500 hPa");
        tmp = FieldSource.of(t);
        wind = FieldSource.of(w);
        ramp = StyleParser.parse("ramp:temperature,units=K,min=233.15,max=313.15");
        barbs = StyleParser.parse("barbs");
        isolines = StyleParser.parse("isolines:interval=2,units=K,base=0.15");
        tile = TileMatrixSet.WEB_MERCATOR_QUAD.tile(3, 2, 2, size);

        Map<String, float[]> fields = new LinkedHashMap<>();
        fields.put("tmp", t.values());
        fields.put("u", w.u().values());
        fields.put("v", w.v().values());
        GriddedDataset dataset = EdalGrid.gfs(fields, "K");
        dataset.addVariablePlugin(new VectorPlugin("u", "v", "wind", true));
        catalogue = new SimpleFeatureCatalogue<>(dataset, false);
        params = new PlottingDomainParams(
                size,
                size,
                new BoundingBoxImpl(tile.minX(), tile.minY(), tile.maxX(), tile.maxY(), GISUtils.getCrs("EPSG:3857")),
                null,
                null,
                null,
                null,
                null);
        ScaleRange range = new ScaleRange(233.15f, 313.15f, false);
        edalRamp = new MapImage();
        edalRamp.getLayers()
                .add(new RasterLayer(
                        "tmp", new SegmentColourScheme(range, null, null, new Color(0, true), "default", 200)));
        String direction = dataset.getVariableIds().stream()
                .filter(id -> id.endsWith("-dir"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no direction variable in " + dataset.getVariableIds()));
        edalBarbs = new MapImage();
        edalBarbs
                .getLayers()
                .add(new ArrowLayer(direction, 22, Color.BLACK, new Color(0, true), ArrowLayer.ArrowStyle.WIND_BARBS));
        edalContours = new MapImage();
        edalContours
                .getLayers()
                .add(new ContourLayer(
                        "tmp",
                        range,
                        false,
                        40,
                        Color.DARK_GRAY,
                        "default",
                        1,
                        ContourLayer.ContourLineStyle.STROKE,
                        true));
    }

    private byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] rampOurs() {
        return renderer.renderPng(tmp, ramp, tile);
    }

    @Benchmark
    public byte[] rampEdal() throws Exception {
        return png(edalRamp.drawImage(params, catalogue));
    }

    @Benchmark
    public byte[] barbsOurs() {
        return renderer.renderPng(wind, barbs, tile);
    }

    @Benchmark
    public byte[] barbsEdal() throws Exception {
        return png(edalBarbs.drawImage(params, catalogue));
    }

    @Benchmark
    public byte[] isolinesOurs() {
        return renderer.renderPng(tmp, isolines, tile);
    }

    @Benchmark
    public byte[] isolinesEdal() throws Exception {
        return png(edalContours.drawImage(params, catalogue));
    }

    /** Writes one image of each for a person to compare: {@code target/images/edal-*.png}. */
    public static void main(String[] args) throws Exception {
        EdalBenchmark b = new EdalBenchmark();
        b.size = 512;
        b.setUp();
        java.nio.file.Path dir = java.nio.file.Path.of("target", "images");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("edal-ramp.png"), b.rampEdal());
        java.nio.file.Files.write(dir.resolve("ours-ramp.png"), b.rampOurs());
        java.nio.file.Files.write(dir.resolve("edal-barbs.png"), b.barbsEdal());
        java.nio.file.Files.write(dir.resolve("ours-barbs.png"), b.barbsOurs());
        java.nio.file.Files.write(dir.resolve("edal-contours.png"), b.isolinesEdal());
        java.nio.file.Files.write(dir.resolve("ours-contours.png"), b.isolinesOurs());
    }
}
