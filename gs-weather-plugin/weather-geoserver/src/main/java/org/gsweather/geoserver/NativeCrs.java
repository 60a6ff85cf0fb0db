package org.gsweather.geoserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.parameter.ParameterValueGroup;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.MathTransformFactory;
import org.geotools.referencing.CRS;
import org.geotools.referencing.ReferencingFactoryFinder;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.geotools.referencing.crs.DefaultProjectedCRS;
import org.geotools.referencing.operation.DefiningConversion;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Projection;

/**
 * The GeoTools CRS of a grid's projection, as GeoServer declares and reprojects the coverage.
 *
 * <p>The projection's formulas keep the grid's Earth shape (a sphere of 6371229 m for NCEP grids) through
 * explicit {@code semi_major}/{@code semi_minor} parameters, while the geographic CRS underneath is
 * WGS84: latitudes and longitudes of the grid are taken as WGS84's, as the render core, GDAL and PROJ's
 * "ballpark" transformation do. Declared on the grid's own sphere, GeoTools would move every point by a
 * Molodensky ellipsoid change, up to 0.19 degrees of latitude (21 km) on HRRR.
 */
final class NativeCrs {
    private static final Map<Projection, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private NativeCrs() {}

    static CoordinateReferenceSystem of(Projection projection) {
        if (projection instanceof Geographic) {
            return DefaultGeographicCRS.WGS84;
        }
        return CACHE.computeIfAbsent(projection, NativeCrs::build);
    }

    private static CoordinateReferenceSystem build(Projection projection) {
        try {
            CoordinateReferenceSystem parsed = CRS.parseWKT(projection.toWkt());
            if (!(parsed instanceof ProjectedCRS p)) {
                return parsed;
            }
            ParameterValueGroup params =
                    p.getConversionFromBase().getParameterValues().clone();
            params.parameter("semi_major").setValue(projection.ellipsoid().semiMajorAxis());
            params.parameter("semi_minor").setValue(projection.ellipsoid().semiMinorAxis());
            MathTransformFactory mtf = ReferencingFactoryFinder.getMathTransformFactory(null);
            MathTransform toProjected = mtf.createParameterizedTransform(params);
            String name = p.getName().getCode();
            return new DefaultProjectedCRS(
                    Map.of("name", name),
                    new DefiningConversion(name, params),
                    DefaultGeographicCRS.WGS84,
                    toProjected,
                    p.getCoordinateSystem());
        } catch (FactoryException e) {
            throw new IllegalStateException(
                    "GeoTools cannot build the CRS of " + projection.name() + ": " + e.getMessage(), e);
        }
    }
}
