package org.gsweather.geoserver.wx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.ExternalProjection;
import org.gsweather.render.OutputCrs;
import org.gsweather.render.UnknownCrsException;
import org.gsweather.render.View;

/**
 * The render core's view of a GeoServer map request: the core's own CRSs (EPSG:3857, 4326, CRS:84, 3413,
 * 3031, Lambert) drawn natively; any other CRS GeoTools knows (EPSG:3035, 27700, UTM zones...) through
 * GeoTools' transform, which the core calls at its block corners and interpolates between within its
 * error bound. Longitude comes first whatever the request's axis order.
 */
final class OutputViews {
    private static final Map<CoordinateReferenceSystem, OutputCrs> CRSS = new ConcurrentHashMap<>();
    private static final double FAR = 1e12;

    private OutputViews() {}

    static View of(ReferencedEnvelope bbox, int width, int height) {
        CoordinateReferenceSystem crs = bbox.getCoordinateReferenceSystem();
        OutputCrs out = crs == null ? OutputCrs.WGS84 : CRSS.computeIfAbsent(crs, OutputViews::outputCrs);
        boolean northFirst = crs != null && CRS.getAxisOrder(crs) == CRS.AxisOrder.NORTH_EAST;
        return northFirst
                ? new View(out, bbox.getMinY(), bbox.getMinX(), bbox.getMaxY(), bbox.getMaxX(), width, height)
                : new View(out, bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(), bbox.getMaxY(), width, height);
    }

    private static OutputCrs outputCrs(CoordinateReferenceSystem crs) {
        String code = null;
        try {
            code = CRS.lookupIdentifier(crs, false);
        } catch (FactoryException e) {
            // not an EPSG CRS: drawn through GeoTools below
        }
        if (code != null) {
            try {
                return OutputCrs.of(code);
            } catch (UnknownCrsException e) {
                // a CRS the core does not implement
            }
        }
        return external(crs, code != null ? code : crs.getName().getCode());
    }

    private static OutputCrs external(CoordinateReferenceSystem crs, String code) {
        try {
            CoordinateReferenceSystem xy =
                    CRS.getAxisOrder(crs) == CRS.AxisOrder.NORTH_EAST ? CRS.decode(code, true) : crs;
            MathTransform toLonLat = CRS.findMathTransform(xy, DefaultGeographicCRS.WGS84, true);
            MathTransform fromLonLat = toLonLat.inverse();
            ExternalProjection p =
                    new ExternalProjection(code, Ellipsoid.WGS84, point(fromLonLat), point(toLonLat), xy.toWKT());
            return new OutputCrs(code, p, 0, 0, -FAR, -FAR, FAR, FAR, false);
        } catch (FactoryException | TransformException e) {
            throw new IllegalArgumentException("cannot draw in " + code + ": " + e.getMessage(), e);
        }
    }

    /** One point through a GeoTools transform; NaN where it has no image. */
    private static ExternalProjection.PointTransform point(MathTransform t) {
        return (a, b, out) -> {
            double[] in = {a, b};
            try {
                t.transform(in, 0, out, 0, 1);
            } catch (TransformException | RuntimeException e) {
                out[0] = Double.NaN;
                out[1] = Double.NaN;
            }
        };
    }
}
