package org.gsweather.geoserver.wx;

import java.awt.geom.AffineTransform;
import java.awt.image.Raster;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValue;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.GeographicCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.coverage.GridSampleDimension;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.coverage.grid.GridGeometry2D;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.coverage.grid.io.GridCoverage2DReader;
import org.geotools.coverage.util.CoverageUtilities;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.gsweather.geoserver.ReadRequest;
import org.gsweather.geoserver.WeatherReaders;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.ExternalProjection;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Projection;
import org.gsweather.grid.RegularGrid;
import org.gsweather.render.FieldSource;
import org.gsweather.render.GridValues;
import org.gsweather.render.Style;
import org.gsweather.render.WindValues;
import org.gsweather.store.Coverage;
import org.gsweather.store.Slice;
import org.gsweather.store.SliceSelector;

/**
 * What a {@code wx:} transformation draws: with a weather store, the decoded native field of the
 * request's time, level and run, from the shared field cache; with any other coverage layer (a GeoTIFF, a
 * stock NetCDF store), the coverage read over the map's box at the map's resolution, taken as a grid in
 * its own CRS: slower, but drawn by the same core.
 */
final class WxFields {
    private static final SliceSelector SELECTOR = new SliceSelector(Clock.systemUTC());
    private static final Map<CoordinateReferenceSystem, Projection> PROJECTIONS = new ConcurrentHashMap<>();

    private WxFields() {}

    /** A field to draw and the name of its coverage. */
    record Selected(FieldSource source, String name) {}

    /** The field of a layer's reader for a request, or null when the store has none at its time, level and run. */
    static Selected select(GridCoverage2DReader reader, GeneralParameterValue[] params, WxInputs in, List<Style> styles)
            throws IOException {
        Optional<WeatherReaders.Layer> layer = WeatherReaders.layer(reader);
        if (layer.isEmpty()) {
            return new Selected(of(readStock(reader, params, in), styles), reader.getGridCoverageNames()[0]);
        }
        Coverage coverage = layer.get().coverage();
        Optional<Slice> slice = SELECTOR.select(coverage, ReadRequest.of(params).query());
        if (slice.isEmpty()) {
            return null;
        }
        var cache = layer.get().store().cache();
        if (coverage.isWind()) {
            return new Selected(FieldSource.of(cache.wind(slice.get())), coverage.name());
        }
        if (needsWind(styles)) {
            throw new IllegalArgumentException(in.kind().qualifiedName() + " draws winds: use it on a wind layer"
                    + " (a WIND_... coverage pairing u and v), not on " + coverage.name());
        }
        return new Selected(FieldSource.of(cache.scalar(slice.get().scalar())), coverage.name());
    }

    private static boolean needsWind(List<Style> styles) {
        return styles.stream().anyMatch(Style::needsVector);
    }

    /** A stock coverage read over the map's box at about the map's resolution. */
    private static GridCoverage2D readStock(GridCoverage2DReader reader, GeneralParameterValue[] params, WxInputs in)
            throws IOException {
        ReferencedEnvelope box = in.bbox();
        CoordinateReferenceSystem crs = reader.getCoordinateReferenceSystem();
        ReferencedEnvelope native_;
        try {
            native_ = box.transform(crs, true);
        } catch (TransformException | FactoryException e) {
            throw new IOException("cannot express the map's box in the coverage's CRS: " + e.getMessage(), e);
        }
        GridGeometry2D grid = new GridGeometry2D(new GridEnvelope2D(0, 0, in.width(), in.height()), native_);
        List<GeneralParameterValue> read = new ArrayList<>();
        if (params != null) {
            for (GeneralParameterValue p : params) {
                if (!p.getDescriptor().getName().equals(AbstractGridFormat.READ_GRIDGEOMETRY2D.getName())) {
                    read.add(p);
                }
            }
        }
        ParameterValue<GridGeometry2D> gg = AbstractGridFormat.READ_GRIDGEOMETRY2D.createValue();
        gg.setValue(grid);
        read.add(gg);
        GridCoverage2D c = reader.read(read.toArray(GeneralParameterValue[]::new));
        if (c == null) {
            throw new IOException("the coverage has nothing over the map's box");
        }
        return c;
    }

    /** A coverage as a field on a regular grid in its own CRS: band 1 (or bands 1 and 2, u and v, for winds). */
    static FieldSource of(GridCoverage2D c, List<Style> styles) {
        RegularGrid grid = grid(c);
        Raster r = c.getRenderedImage().getData();
        double nodata = noData(c);
        String units = units(c.getSampleDimension(0));
        GridValues first = values(grid, r, 0, nodata, units, c.getName().toString());
        if (needsWind(styles)) {
            if (r.getNumBands() < 2) {
                throw new IllegalArgumentException(
                        "barbs and arrows need a coverage of two bands, u and v; " + c.getName() + " has one");
            }
            GridValues v = values(grid, r, 1, nodata, units, c.getName().toString());
            return FieldSource.of(new WindValues(first, v, false));
        }
        return FieldSource.of(first);
    }

    private static GridValues values(RegularGrid grid, Raster r, int band, double nodata, String units, String label) {
        int w = r.getWidth();
        int h = r.getHeight();
        float[] v = r.getSamples(r.getMinX(), r.getMinY(), w, h, band, new float[w * h]);
        if (!Double.isNaN(nodata)) {
            float nd = (float) nodata;
            for (int k = 0; k < v.length; k++) {
                if (v[k] == nd) {
                    v[k] = Float.NaN;
                }
            }
        }
        return new GridValues(grid, v, units, label);
    }

    private static RegularGrid grid(GridCoverage2D c) {
        GridGeometry2D g = c.getGridGeometry();
        MathTransform t = g.getGridToCRS2D(org.geotools.api.metadata.spatial.PixelOrientation.CENTER);
        if (!(t instanceof AffineTransform a) || a.getShearX() != 0 || a.getShearY() != 0) {
            throw new IllegalArgumentException(c.getName() + ": a rotated or warped grid cannot be drawn by wx:");
        }
        CoordinateReferenceSystem crs = c.getCoordinateReferenceSystem2D();
        boolean swap = CRS.getAxisOrder(crs) == CRS.AxisOrder.NORTH_EAST;
        if (swap) {
            throw new IllegalArgumentException(c.getName() + ": latitude-first coverages are not supported by wx:");
        }
        GridEnvelope2D range = g.getGridRange2D();
        Raster r = c.getRenderedImage().getData();
        double x0 = a.getTranslateX() + a.getScaleX() * r.getMinX();
        double y0 = a.getTranslateY() + a.getScaleY() * r.getMinY();
        return new RegularGrid(projection(crs), range.width, range.height, x0, y0, a.getScaleX(), a.getScaleY());
    }

    private static Projection projection(CoordinateReferenceSystem crs) {
        if (crs instanceof GeographicCRS) {
            return new Geographic(Ellipsoid.WGS84);
        }
        return PROJECTIONS.computeIfAbsent(crs, x -> {
            try {
                MathTransform toLonLat = CRS.findMathTransform(x, DefaultGeographicCRS.WGS84, true);
                MathTransform fromLonLat = toLonLat.inverse();
                return new ExternalProjection(
                        x.getName().getCode(), Ellipsoid.WGS84, point(fromLonLat), point(toLonLat), x.toWKT());
            } catch (FactoryException | TransformException e) {
                throw new IllegalArgumentException("cannot draw from " + x.getName() + ": " + e.getMessage(), e);
            }
        });
    }

    private static ExternalProjection.PointTransform point(MathTransform t) {
        return (a, b, out) -> {
            try {
                t.transform(new double[] {a, b}, 0, out, 0, 1);
            } catch (TransformException | RuntimeException e) {
                out[0] = Double.NaN;
                out[1] = Double.NaN;
            }
        };
    }

    private static double noData(GridCoverage2D c) {
        double[] nd = CoverageUtilities.getBackgroundValues(c);
        var container = CoverageUtilities.getNoDataProperty(c);
        if (container != null) {
            return container.getAsSingleValue();
        }
        return nd != null && nd.length > 0 ? nd[0] : Double.NaN;
    }

    private static String units(GridSampleDimension d) {
        return d.getUnits() == null ? "1" : d.getUnits().toString();
    }
}
