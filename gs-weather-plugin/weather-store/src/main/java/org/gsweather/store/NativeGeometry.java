package org.gsweather.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.GaussianGrid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Geostationary;
import org.gsweather.grid.Grid;
import org.gsweather.grid.RegularGrid;
import org.gsweather.grid.RotatedPole;
import org.gsweather.render.OutputCrs;

/**
 * A coverage's grid in its own coordinates, as a map server declares it: the box its grid cells cover
 * (half a cell beyond the outer grid points), its size in cells, and the CRS in which requests in those
 * coordinates are sampled. Global grids with rows on the poles reach half a cell beyond them, as GDAL declares
 * them: a box cut at the poles would put every row's centre off its latitude (WCS returns the grid as declared).
 *
 * <p>Latitude/longitude grids are declared in longitude/latitude with longitudes in [-180, 180] (a global
 * grid stored from 0 to 360 becomes -180.125 to 179.875 for 0.25 degrees; MRMS's 230 to 300 becomes -130 to
 * -60), other grids in the metres (degrees for rotated poles) of their projection. Latitudes and longitudes
 * of every grid are taken as WGS84's, as weather renderers and GDAL do; only the projection's own
 * formulas use the grid's Earth shape.
 *
 * <p>GOES-R ABI grids (geostationary, sweeping along x) are declared in the Meteosat geometry (sweeping
 * along y) that GeoTools implements, over the box their points cover there: requests in those
 * coordinates are sampled exactly through longitude/latitude; only the declared nominal resolution is
 * approximate.
 */
public record NativeGeometry(OutputCrs crs, double minX, double minY, double maxX, double maxY, int width, int height) {
    /** Domain of the sampling CRSs: requests may reach beyond the grid (they sample as missing there). */
    private static final double FAR = 1e12;

    private static final Cache<Grid, NativeGeometry> CACHE =
            Caffeine.newBuilder().maximumSize(1000).build();

    /** The geometry of a grid (kept: requests ask for it many times). */
    public static NativeGeometry of(Grid grid) {
        return CACHE.get(grid, NativeGeometry::compute);
    }

    private static NativeGeometry compute(Grid grid) {
        if (grid instanceof GaussianGrid g) {
            return gaussian(g);
        }
        RegularGrid r = (RegularGrid) grid;
        if (r.projection() instanceof Geostationary g && g.sweepX()) {
            return sweepY(r, g);
        }
        return r.projection() instanceof Geographic ? geographic(r) : projected(r);
    }

    /** Whether the native coordinates are longitude/latitude on WGS84. */
    public boolean geographic() {
        return crs.projection() instanceof Geographic;
    }

    private static NativeGeometry geographic(RegularGrid r) {
        double adx = Math.abs(r.dx());
        double west = Math.min(r.x0(), r.x0() + (r.nx() - 1) * r.dx()) - adx / 2;
        double east = west + r.nx() * adx;
        if (r.wrapsLongitude()) {
            // shift by whole cells so that the box starts within one cell west of -180
            long cells = (long) Math.floor((west + 180) / adx);
            west -= cells * adx;
            east = west + 360;
        } else {
            double centre = 0.5 * (west + east);
            double turns = Math.floor((centre + 180) / 360);
            west -= 360 * turns;
            east -= 360 * turns;
        }
        double adz = Math.abs(r.dy());
        double south = Math.min(r.y0(), r.y0() + (r.ny() - 1) * r.dy()) - adz / 2;
        double north = Math.max(r.y0(), r.y0() + (r.ny() - 1) * r.dy()) + adz / 2;
        return new NativeGeometry(lonLat(), west, south, east, north, r.nx(), r.ny());
    }

    private static NativeGeometry gaussian(GaussianGrid g) {
        double adx = Math.abs(g.dlon());
        double west = g.lon0() - adx / 2;
        long cells = (long) Math.floor((west + 180) / adx);
        west -= cells * adx;
        double[] lat = g.latitudes();
        double first = lat[0];
        double last = lat[lat.length - 1];
        double half = Math.abs(last - first) / (lat.length - 1) / 2;
        double south = Math.min(first, last) - half;
        double north = Math.max(first, last) + half;
        return new NativeGeometry(lonLat(), west, south, west + g.nx() * adx, north, g.nx(), g.ny());
    }

    private static NativeGeometry projected(RegularGrid r) {
        double x0 = Math.min(r.x0(), r.x0() + (r.nx() - 1) * r.dx()) - Math.abs(r.dx()) / 2;
        double y0 = Math.min(r.y0(), r.y0() + (r.ny() - 1) * r.dy()) - Math.abs(r.dy()) / 2;
        double x1 = x0 + r.nx() * Math.abs(r.dx());
        double y1 = y0 + r.ny() * Math.abs(r.dy());
        double far = r.projection() instanceof RotatedPole ? 1e6 : FAR;
        OutputCrs crs = new OutputCrs("native", r.projection(), 0, 0, -far, -far, far, far, false);
        return new NativeGeometry(crs, x0, y0, x1, y1, r.nx(), r.ny());
    }

    private static NativeGeometry sweepY(RegularGrid r, Geostationary g) {
        Geostationary declared = new Geostationary(g.ellipsoid(), g.perspectiveHeight(), g.subSatelliteLon(), false);
        double[] ll = new double[2];
        double[] xy = new double[2];
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        int steps = 128;
        for (int b = 0; b <= steps; b++) {
            for (int a = 0; a <= steps; a++) {
                r.lonLat((r.nx() - 1) * (double) a / steps, (r.ny() - 1) * (double) b / steps, ll);
                if (Double.isNaN(ll[0])) {
                    continue; // off the disk
                }
                declared.forward(ll[0], ll[1], xy);
                minX = Math.min(minX, xy[0]);
                maxX = Math.max(maxX, xy[0]);
                minY = Math.min(minY, xy[1]);
                maxY = Math.max(maxY, xy[1]);
            }
        }
        double marginX = 2 * Math.max(Math.abs(r.dx()), (maxX - minX) / steps);
        double marginY = 2 * Math.max(Math.abs(r.dy()), (maxY - minY) / steps);
        OutputCrs crs = new OutputCrs("native", declared, 0, 0, -FAR, -FAR, FAR, FAR, false);
        return new NativeGeometry(crs, minX - marginX, minY - marginY, maxX + marginX, maxY + marginY, r.nx(), r.ny());
    }

    private static OutputCrs lonLat() {
        return new OutputCrs("native", new Geographic(Ellipsoid.WGS84), 0, 0, -1000, -1000, 1000, 1000, false);
    }
}
