package org.gsweather.geoserver;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.media.jai.ImageLayout;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterDescriptor;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.datum.PixelInCell;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.coverage.grid.GridGeometry2D;
import org.geotools.coverage.grid.io.AbstractGridCoverage2DReader;
import org.geotools.coverage.grid.io.OverviewPolicy;
import org.geotools.geometry.GeneralBounds;
import org.geotools.parameter.DefaultParameterDescriptor;
import org.geotools.referencing.CRS;
import org.geotools.referencing.operation.transform.ProjectiveTransform;
import org.geotools.util.factory.Hints;
import org.gsweather.render.GridValues;
import org.gsweather.render.Sampling;
import org.gsweather.render.TileRenderer;
import org.gsweather.render.TileRendererPool;
import org.gsweather.render.View;
import org.gsweather.render.WindValues;
import org.gsweather.store.Coverage;
import org.gsweather.store.NativeGeometry;
import org.gsweather.store.Slice;
import org.gsweather.store.SliceSelector;
import org.gsweather.store.StoreSnapshot;
import org.gsweather.store.WeatherStore;

/**
 * The GeoTools reader of a weather store: one coverage per {@link Coverage} of the store, its dimensions
 * as reader metadata, and reads that sample the decoded field straight onto the requested grid (no
 * GeoTools resampling of whole grids). Thin: the store, the selector and the render core do the work.
 */
public final class WeatherCoverageReader extends AbstractGridCoverage2DReader {
    private static final TileRendererPool SAMPLERS = TileRendererPool.forProcessors();
    private static final Timer SAMPLE = Timer.builder("gsweather.reader.sample")
            .description("A band of a decoded field sampled onto a request's grid (GeoServer's own rendering: ColorMap,"
                    + " ras:Contour, GetFeatureInfo)")
            .register(Metrics.globalRegistry);
    private static final ParameterDescriptor<List> REFERENCE_TIME = DefaultParameterDescriptor.create(
            ReadRequest.REFERENCE_TIME, "Model run (reference time)", List.class, null, false);

    private final WeatherFormat format;
    private final WeatherStore store;
    private final SliceSelector selector = new SliceSelector(Clock.systemUTC());
    private volatile boolean disposed;

    WeatherCoverageReader(WeatherFormat format, WeatherSource source, Hints hints) throws IOException {
        super(source, hints);
        this.format = format;
        this.store = WeatherStores.acquire(source.settings(format.fileFormat()));
    }

    public WeatherStore store() {
        return store;
    }

    @Override
    public WeatherFormat getFormat() {
        return format;
    }

    @Override
    public String[] getGridCoverageNames() {
        return store.snapshot().coverages().keySet().stream().sorted().toArray(String[]::new);
    }

    @Override
    public int getGridCoverageCount() {
        return store.snapshot().coverages().size();
    }

    @Override
    protected boolean checkName(String coverageName) {
        return coverageName != null && store.snapshot().coverage(coverageName) != null;
    }

    /** The coverage of a name, in the store's current state. */
    Coverage coverage(String name) {
        Coverage c = name == null ? single() : store.snapshot().coverage(name);
        if (c == null) {
            throw new IllegalArgumentException("no coverage '" + name + "' in the weather store on "
                    + store.settings().location() + " (its coverages: "
                    + String.join(", ", getGridCoverageNames()) + ")");
        }
        return c;
    }

    private Coverage single() {
        StoreSnapshot s = store.snapshot();
        if (s.coverages().size() != 1) {
            throw new IllegalArgumentException("the weather store on "
                    + store.settings().location() + " has " + s.coverages().size() + " coverages: name one of "
                    + String.join(", ", getGridCoverageNames()));
        }
        return s.coverages().values().iterator().next();
    }

    @Override
    public CoordinateReferenceSystem getCoordinateReferenceSystem(String coverageName) {
        return NativeCrs.of(
                NativeGeometry.of(coverage(coverageName).grid()).crs().projection());
    }

    @Override
    public CoordinateReferenceSystem getCoordinateReferenceSystem() {
        return getCoordinateReferenceSystem(null);
    }

    @Override
    public GeneralBounds getOriginalEnvelope(String coverageName) {
        Coverage c = coverage(coverageName);
        NativeGeometry g = NativeGeometry.of(c.grid());
        GeneralBounds b = new GeneralBounds(new double[] {g.minX(), g.minY()}, new double[] {g.maxX(), g.maxY()});
        b.setCoordinateReferenceSystem(NativeCrs.of(g.crs().projection()));
        return b;
    }

    @Override
    public GeneralBounds getOriginalEnvelope() {
        return getOriginalEnvelope(null);
    }

    @Override
    public GridEnvelope2D getOriginalGridRange(String coverageName) {
        NativeGeometry g = NativeGeometry.of(coverage(coverageName).grid());
        return new GridEnvelope2D(0, 0, g.width(), g.height());
    }

    @Override
    public GridEnvelope2D getOriginalGridRange() {
        return getOriginalGridRange(null);
    }

    @Override
    public MathTransform getOriginalGridToWorld(String coverageName, PixelInCell anchor) {
        NativeGeometry g = NativeGeometry.of(coverage(coverageName).grid());
        double rx = (g.maxX() - g.minX()) / g.width();
        double ry = (g.maxY() - g.minY()) / g.height();
        double shift = anchor == PixelInCell.CELL_CENTER ? 0.5 : 0;
        return ProjectiveTransform.create(
                new AffineTransform(rx, 0, 0, -ry, g.minX() + shift * rx, g.maxY() - shift * ry));
    }

    @Override
    public MathTransform getOriginalGridToWorld(PixelInCell anchor) {
        return getOriginalGridToWorld(null, anchor);
    }

    @Override
    public double[][] getResolutionLevels(String coverageName) {
        NativeGeometry g = NativeGeometry.of(coverage(coverageName).grid());
        return new double[][] {{(g.maxX() - g.minX()) / g.width(), (g.maxY() - g.minY()) / g.height()}};
    }

    @Override
    public double[][] getResolutionLevels() {
        return getResolutionLevels(null);
    }

    @Override
    public double[] getReadingResolutions(String coverageName, OverviewPolicy policy, double[] requested) {
        return getResolutionLevels(coverageName)[0];
    }

    @Override
    public ImageLayout getImageLayout(String coverageName) {
        Coverage c = coverage(coverageName);
        NativeGeometry g = NativeGeometry.of(c.grid());
        int bands = c.isWind() ? 2 : 1;
        ImageLayout layout = new ImageLayout(0, 0, g.width(), g.height());
        layout.setTileWidth(Math.min(512, g.width())).setTileHeight(Math.min(512, g.height()));
        layout.setSampleModel(new java.awt.image.BandedSampleModel(
                java.awt.image.DataBuffer.TYPE_FLOAT, layout.getTileWidth(null), layout.getTileHeight(null), bands));
        layout.setColorModel(CoverageImages.colorModel(bands));
        return layout;
    }

    @Override
    public ImageLayout getImageLayout() {
        return getImageLayout(null);
    }

    @Override
    public String[] getMetadataNames(String coverageName) {
        return DimensionMetadata.of(coverage(coverageName)).keySet().toArray(String[]::new);
    }

    @Override
    public String[] getMetadataNames() {
        return getMetadataNames(null);
    }

    @Override
    public String getMetadataValue(String coverageName, String name) {
        return DimensionMetadata.of(coverage(coverageName)).get(name);
    }

    @Override
    public String getMetadataValue(String name) {
        return getMetadataValue(null, name);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Set<ParameterDescriptor<List>> getDynamicParameters(String coverageName) {
        return coverage(coverageName).hasRuns() ? Set.of(REFERENCE_TIME) : Set.of();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Set<ParameterDescriptor<List>> getDynamicParameters() {
        return getDynamicParameters(null);
    }

    @Override
    public GridCoverage2D read(GeneralParameterValue[] parameters) throws IOException {
        return read(null, parameters);
    }

    /**
     * Samples the slice the parameters select onto the requested grid, in the coverage's native CRS.
     * Returns null when no slice matches the requested time, level and run.
     */
    @Override
    public GridCoverage2D read(String coverageName, GeneralParameterValue[] parameters) throws IOException {
        if (disposed) {
            throw new IOException(
                    "the reader of the weather store on " + store.settings().location() + " is closed");
        }
        Coverage c = coverage(coverageName);
        ReadRequest request = ReadRequest.of(parameters);
        Optional<Slice> slice = selector.select(c, request.query());
        if (slice.isEmpty()) {
            return null;
        }
        NativeGeometry ng = NativeGeometry.of(c.grid());
        CoordinateReferenceSystem crs = NativeCrs.of(ng.crs().projection());
        GeneralBounds target = targetEnvelope(request.gridGeometry(), crs, ng);
        int width = request.gridGeometry() == null
                ? ng.width()
                : request.gridGeometry().getGridRange2D().width;
        int height = request.gridGeometry() == null
                ? ng.height()
                : request.gridGeometry().getGridRange2D().height;
        ReadGrid grid = ReadGrid.of(
                target.getMinimum(0),
                target.getMinimum(1),
                target.getMaximum(0),
                target.getMaximum(1),
                width,
                height,
                ng.minX(),
                ng.minY(),
                (ng.maxX() - ng.minX()) / ng.width(),
                (ng.maxY() - ng.minY()) / ng.height());
        width = grid.width();
        height = grid.height();
        target = new GeneralBounds(new double[] {grid.minX(), grid.minY()}, new double[] {grid.maxX(), grid.maxY()});
        target.setCoordinateReferenceSystem(crs);
        View view = new View(ng.crs(), grid.minX(), grid.minY(), grid.maxX(), grid.maxY(), width, height);
        float[][] bands;
        String[] names;
        if (c.isWind()) {
            WindValues w = store.cache().wind(slice.get());
            bands = SAMPLERS.apply(s -> new float[][] {sample(s, w.u(), view), sample(s, w.v(), view)});
            names = new String[] {"u_east", "v_north"};
        } else {
            GridValues g = store.cache().scalar(slice.get().scalar());
            bands = SAMPLERS.apply(s -> new float[][] {sample(s, g, view)});
            names = new String[] {c.name()};
        }
        if (request.bands() != null) {
            float[][] picked = new float[request.bands().length][];
            String[] pickedNames = new String[picked.length];
            for (int k = 0; k < picked.length; k++) {
                picked[k] = bands[request.bands()[k]];
                pickedNames[k] = names[request.bands()[k]];
            }
            bands = picked;
            names = pickedNames;
        }
        return CoverageImages.create(coverageFactory, c.name(), bands, names, width, height, target);
    }

    private static float[] sample(TileRenderer sampler, GridValues g, View view) {
        long start = System.nanoTime();
        float[] s = sampler.sample(g, Sampling.NEAREST, view);
        float[] out = Arrays.copyOf(s, view.width() * view.height());
        SAMPLE.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return out;
    }

    /** The requested envelope in the native CRS (the whole grid when the request names none). */
    private static GeneralBounds targetEnvelope(
            GridGeometry2D requested, CoordinateReferenceSystem crs, NativeGeometry ng) throws IOException {
        if (requested == null) {
            GeneralBounds b =
                    new GeneralBounds(new double[] {ng.minX(), ng.minY()}, new double[] {ng.maxX(), ng.maxY()});
            b.setCoordinateReferenceSystem(crs);
            return b;
        }
        GeneralBounds env = new GeneralBounds(requested.getEnvelope());
        CoordinateReferenceSystem from = env.getCoordinateReferenceSystem();
        if (from != null && !CRS.equalsIgnoreMetadata(from, crs)) {
            try {
                env = CRS.transform(env, crs);
            } catch (TransformException e) {
                throw new IOException("cannot express the requested area in the coverage's CRS: " + e.getMessage(), e);
            }
        }
        env.setCoordinateReferenceSystem(crs);
        return env;
    }

    @Override
    public synchronized void dispose() {
        if (!disposed) {
            disposed = true;
            WeatherStores.release(store);
        }
        super.dispose();
    }
}
