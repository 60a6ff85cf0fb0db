package org.gsweather.render.bench.geotools;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.style.ColorMap;
import org.geotools.api.style.Style;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.map.FeatureLayer;
import org.geotools.map.GridCoverageLayer;
import org.geotools.map.MapContent;
import org.geotools.process.raster.ContourProcess;
import org.geotools.referencing.CRS;
import org.geotools.renderer.lite.StreamingRenderer;
import org.geotools.styling.StyleBuilder;
import org.gsweather.render.FieldSource;
import org.gsweather.render.GridValues;
import org.gsweather.render.StyleParser;
import org.gsweather.render.TileMatrixSet;
import org.gsweather.render.TileRenderer;
import org.gsweather.render.View;
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

/**
 * Our renderer against GeoTools 32.2's own rendering as GeoServer 2.26.2 runs it, on the same field and
 * tile, one thread: GFS 2.5 deg 850 hPa temperature, WebMercatorQuad 3/2/2, 256 and 512 px, through to
 * PNG bytes. GeoTools: a GridCoverage2D in EPSG:4326 drawn by StreamingRenderer (GridCoverageRenderer
 * underneath) with an SLD ColorMap ramp; contours by the {@code ras:Contour} process (ContourProcess) on
 * the coverage, drawn by StreamingRenderer with a LineSymbolizer and a TextSymbolizer following the
 * lines; PNG by ImageIO. Run with {@code bin/bench -m weather-render -P geoserver GeoTools -prof gc} on a
 * machine with the GeoServer 2.26.2 jars (README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true", "-Dorg.geotools.referencing.forceXY=true"})
public class GeoToolsBenchmark {

    @Param({"256", "512"})
    public int size;

    private final TileRenderer renderer = new TileRenderer();
    private FieldSource tmp;
    private List<org.gsweather.render.Style> ramp;
    private List<org.gsweather.render.Style> isolines;
    private View tile;

    private GridCoverage2D coverage;
    private ReferencedEnvelope area;
    private MapContent rampMap;
    private Style lineStyle;
    private RenderingHints hints;

    @Setup
    public void setUp() throws Exception {
        GridValues t = BenchFields.scalar(BenchFields.GFS, "TMP", "850 hPa");
        tmp = FieldSource.of(t);
        ramp = StyleParser.parse("ramp:temperature,units=K,min=233.15,max=313.15");
        isolines = StyleParser.parse("isolines:interval=2,units=K"); // the levels ras:Contour draws
        tile = TileMatrixSet.WEB_MERCATOR_QUAD.tile(3, 2, 2, size);

        // GFS 0-357.5 E turned to -180..177.5 (cells centred on the points, rows from the north)
        int nx = 144;
        int ny = 73;
        float[][] rows = new float[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                rows[j][i] = t.values()[j * nx + (i + 72) % nx];
            }
        }
        CoordinateReferenceSystem wgs84 = CRS.decode("EPSG:4326", true);
        coverage = new GridCoverageFactory()
                .create("tmp", rows, new ReferencedEnvelope(-181.25, 178.75, -91.25, 91.25, wgs84));
        CoordinateReferenceSystem mercator = CRS.decode("EPSG:3857", true);
        area = new ReferencedEnvelope(tile.minX(), tile.maxX(), tile.minY(), tile.maxY(), mercator);

        StyleBuilder sb = new StyleBuilder();
        double[] quantities = {233.15, 243.15, 253.15, 263.15, 273.15, 283.15, 293.15, 303.15, 313.15};
        Color[] colors = {
            new Color(0x5e0a7a),
            new Color(0x2c2ca6),
            new Color(0x1f6fd1),
            new Color(0x3fb7e6),
            new Color(0xc9f0f7),
            new Color(0x5fbf55),
            new Color(0xf2e13c),
            new Color(0xf07d1c),
            new Color(0xb3001e)
        };
        String[] labels = new String[quantities.length];
        ColorMap colorMap = sb.createColorMap(labels, quantities, colors, ColorMap.TYPE_RAMP);
        Style rasterStyle = sb.createStyle(sb.createRasterSymbolizer(colorMap, 1.0));
        rampMap = new MapContent();
        rampMap.addLayer(new GridCoverageLayer(coverage, rasterStyle));
        rampMap.getViewport().setCoordinateReferenceSystem(mercator);

        TextSymbolizer text = sb.createTextSymbolizer(Color.BLACK, sb.createFont("SansSerif", 11), "value");
        text.setLabelPlacement(sb.createLinePlacement(0));
        text.setHalo(sb.createHalo(Color.WHITE, 1.5));
        lineStyle = sb.createStyle();
        lineStyle.featureTypeStyles().add(sb.createFeatureTypeStyle("Feature", new org.geotools.api.style.Symbolizer[] {
            sb.createLineSymbolizer(Color.DARK_GRAY, 1.2), text
        }));
        hints = new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    private byte[] draw(MapContent map) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        StreamingRenderer r = new StreamingRenderer();
        r.setJava2DHints(hints);
        r.setMapContent(map);
        r.paint(g, new Rectangle(size, size), area);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] rampOurs() {
        return renderer.renderPng(tmp, ramp, tile);
    }

    @Benchmark
    public byte[] rampGeoTools() throws IOException {
        return draw(rampMap);
    }

    @Benchmark
    public byte[] isolinesOurs() {
        return renderer.renderPng(tmp, isolines, tile);
    }

    /** ras:Contour on the whole (small) coverage, then the lines drawn with labels. */
    @Benchmark
    public byte[] isolinesGeoTools() throws IOException {
        SimpleFeatureCollection lines = ContourProcess.process(coverage, 0, null, 2.0, false, true, null, null);
        MapContent map = new MapContent();
        map.addLayer(new FeatureLayer(lines, lineStyle));
        map.getViewport().setCoordinateReferenceSystem(area.getCoordinateReferenceSystem());
        try {
            return draw(map);
        } finally {
            map.dispose();
        }
    }

    /** Writes one image of each for a person to compare: {@code target/images/geotools-*.png}. */
    public static void main(String[] args) throws Exception {
        GeoToolsBenchmark b = new GeoToolsBenchmark();
        b.size = 512;
        b.setUp();
        java.nio.file.Path dir = java.nio.file.Path.of("target", "images");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("geotools-ramp.png"), b.rampGeoTools());
        java.nio.file.Files.write(dir.resolve("geotools-contours.png"), b.isolinesGeoTools());
    }
}
