package org.gsweather.geoserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.platform.ExtensionPriority;
import org.geoserver.wms.FeatureInfoRequestParameters;
import org.geoserver.wms.MapLayerInfo;
import org.geoserver.wms.WMS;
import org.geoserver.wms.featureinfo.LayerIdentifier;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.coverage.grid.io.GridCoverage2DReader;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.FeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.geometry.jts.JTSFactoryFinder;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.gsweather.store.Coverage;
import org.gsweather.store.Dimension;
import org.gsweather.store.FileFormat;
import org.gsweather.store.PointValue;
import org.gsweather.store.Slice;
import org.gsweather.store.SliceSelector;
import org.gsweather.store.WeatherStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * GetFeatureInfo on weather layers, whatever their style: the value of the grid point nearest to the
 * click, as {@code wx locate} gives it, with units, parameter, level, valid time and run; for winds also
 * the speed and the direction the wind blows from, relative to true north. A click off the grid, or on a
 * missing value, says so.
 */
public class WeatherLayerIdentifier implements LayerIdentifier<GridCoverage2DReader>, ExtensionPriority {
    private static final GeometryFactory GEOMETRIES = JTSFactoryFinder.getGeometryFactory();

    private final WMS wms;
    private final SliceSelector selector = new SliceSelector(java.time.Clock.systemUTC());

    public WeatherLayerIdentifier(WMS wms) {
        this.wms = wms;
    }

    @Override
    public int getPriority() {
        return HIGHEST;
    }

    @Override
    public boolean canHandle(MapLayerInfo layer) {
        return layer.getType() == MapLayerInfo.TYPE_RASTER && format(layer.getCoverage()) != null;
    }

    private static FileFormat format(CoverageInfo c) {
        return c == null || c.getStore() == null
                ? null
                : WeatherTypes.of(c.getStore().getType());
    }

    @Override
    public List<FeatureCollection> identify(FeatureInfoRequestParameters params, int maxFeatures) throws Exception {
        MapLayerInfo layer = params.getLayer();
        CoverageInfo info = layer.getCoverage();
        GridCoverage2DReader reader = (GridCoverage2DReader) info.getGridCoverageReader(null, null);
        WeatherStore store =
                WeatherStores.find(WeatherSource.of(info.getStore()).settings(format(info)));
        if (store == null) {
            throw new IOException("the weather store of " + info.prefixedName() + " is not open");
        }
        String name = info.getNativeCoverageName() != null ? info.getNativeCoverageName() : info.getName();
        Coverage coverage = store.snapshot().coverage(name);
        if (coverage == null) {
            return List.of();
        }
        GeneralParameterValue[] read = wms.getWMSReadParameters(
                params.getGetMapRequest(), layer, null, null, params.getTimes(), params.getElevations(), reader, false);
        Optional<Slice> slice = selector.select(coverage, ReadRequest.of(read).query());
        double[] lonLat = lonLat(params);
        SimpleFeatureType type = type(layer.getName(), coverage.isWind());
        SimpleFeatureBuilder b = new SimpleFeatureBuilder(type);
        Point point = GEOMETRIES.createPoint(new Coordinate(lonLat[0], lonLat[1]));
        if (slice.isEmpty()) {
            b.set("status", "no field at the requested time, level and run");
            b.set("geometry", point);
            return List.of(new ListFeatureCollection(type, List.of(b.buildFeature(name + ".0"))));
        }
        Slice s = slice.get();
        PointValue p = PointValue.at(s, lonLat[0], lonLat[1], store.cache());
        if (p.state() != PointValue.State.OUTSIDE) {
            point = GEOMETRIES.createPoint(new Coordinate(p.gridLon(), p.gridLat()));
        }
        b.set("geometry", point);
        b.set(
                "status",
                switch (p.state()) {
                    case VALUE -> "value";
                    case MISSING -> p.missingMeaning() == null ? "missing" : "missing: " + p.missingMeaning();
                    case OUTSIDE -> "outside the grid";
                });
        b.set("parameter", coverage.name());
        b.set("units", coverage.units());
        b.set(
                "level",
                Double.isNaN(s.level())
                        ? coverage.levels().description()
                        : number(s.level()) + " " + coverage.levels().units());
        b.set("valid_time", Date.from(s.validTime()));
        b.set("reference_time", Date.from(s.run()));
        if (s.timeRange() != null) {
            b.set(
                    "period",
                    s.timeRange().process() + " "
                            + Dimension.ISO.format(s.timeRange().start()) + "/"
                            + Dimension.ISO.format(s.timeRange().end()));
        }
        if (p.state() == PointValue.State.VALUE) {
            if (coverage.isWind()) {
                b.set("u", p.value());
                b.set("v", p.v());
                b.set("speed", p.speed());
                b.set("direction_from", Double.isNaN(p.directionFrom()) ? null : p.directionFrom());
            } else {
                b.set("value", p.value());
            }
        }
        if (p.state() != PointValue.State.OUTSIDE) {
            b.set("grid_i", p.i());
            b.set("grid_j", p.j());
        }
        return List.of(new ListFeatureCollection(type, new ArrayList<>(List.of(b.buildFeature(name + ".1")))));
    }

    /** Longitude/latitude of the clicked pixel's centre. */
    private static double[] lonLat(FeatureInfoRequestParameters params) throws Exception {
        Coordinate c = WMS.pixelToWorld(
                params.getX(), params.getY(), params.getRequestedBounds(), params.getWidth(), params.getHeight());
        CoordinateReferenceSystem crs = params.getRequestedCRS();
        double[] out = {c.x, c.y};
        if (crs != null) {
            MathTransform t = CRS.findMathTransform(crs, DefaultGeographicCRS.WGS84, true);
            t.transform(new double[] {c.x, c.y}, 0, out, 0, 1);
        }
        return out;
    }

    private static SimpleFeatureType type(String name, boolean wind) {
        SimpleFeatureTypeBuilder t = new SimpleFeatureTypeBuilder();
        t.setName(name);
        t.setCRS(DefaultGeographicCRS.WGS84);
        t.add("geometry", Point.class);
        t.add("status", String.class);
        t.add("parameter", String.class);
        if (wind) {
            t.add("u", Double.class);
            t.add("v", Double.class);
            t.add("speed", Double.class);
            t.add("direction_from", Double.class);
        } else {
            t.add("value", Double.class);
        }
        t.add("units", String.class);
        t.add("level", String.class);
        t.add("valid_time", Date.class);
        t.add("reference_time", Date.class);
        t.add("period", String.class);
        t.add("grid_i", Integer.class);
        t.add("grid_j", Integer.class);
        return t.buildFeatureType();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public GridCoverage2DReader handleClipParam(FeatureInfoRequestParameters params, GridCoverage2DReader reader) {
        return reader;
    }
}
