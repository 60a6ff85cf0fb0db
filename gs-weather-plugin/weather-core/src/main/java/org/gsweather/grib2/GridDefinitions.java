package org.gsweather.grib2;

import static org.gsweather.grib2.Octets.f4;
import static org.gsweather.grib2.Octets.isMissing4;
import static org.gsweather.grib2.Octets.s4;
import static org.gsweather.grib2.Octets.scaled;
import static org.gsweather.grib2.Octets.u1;
import static org.gsweather.grib2.Octets.u2;
import static org.gsweather.grib2.Octets.u4;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.GaussianGrid;
import org.gsweather.grid.GaussianLatitudes;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Geostationary;
import org.gsweather.grid.Grid;
import org.gsweather.grid.LambertConformal;
import org.gsweather.grid.Mercator;
import org.gsweather.grid.PolarStereographic;
import org.gsweather.grid.Projection;
import org.gsweather.grid.RegularGrid;
import org.gsweather.grid.RotatedPole;

/** Parses section 3 (grid definition) into a {@link GridDefinition}. Octet numbers follow the WMO templates. */
final class GridDefinitions {
    private static final double MICRO = 1e-6;
    private static final double MILLI = 1e-3;

    private GridDefinitions() {}

    /**
     * @param b the message
     * @param s offset of section 3 in {@code b}
     * @param length length of section 3
     */
    static GridDefinition parse(ByteBuffer b, int s, int length) throws DataFormatException {
        long points = u4(b, s, 7);
        int template = u2(b, s, 13);
        if (u1(b, s, 6) != 0) {
            return unsupported(
                    template,
                    points,
                    "grid definition source " + u1(b, s, 6) + " (predetermined grid, code table 3.0) is not supported");
        }
        if (u1(b, s, 11) != 0) {
            return unsupported(
                    template,
                    points,
                    "quasi-regular grid (list of " + u1(b, s, 11)
                            + "-octet numbers of points per row) is not supported");
        }
        int needed = templateLength(template);
        if (needed < 0) {
            return unsupported(
                    template,
                    points,
                    "grid definition template 3." + template + " (" + Grib2Tables.gridTemplateName(template)
                            + ") is not supported");
        }
        if (length < needed) {
            throw new DataFormatException(
                    "section 3 is " + length + " octets, template 3." + template + " needs " + needed);
        }
        Ellipsoid earth;
        try {
            earth = earth(b, s);
        } catch (UnsupportedOperationException e) {
            return unsupported(template, points, e.getMessage());
        }
        return switch (template) {
            case 0, 1, 40 -> latLon(b, s, template, points, earth);
            case 10 -> mercator(b, s, points, earth);
            case 20 -> polarStereographic(b, s, points, earth);
            case 30 -> lambert(b, s, points, earth);
            case 90 -> spaceView(b, s, points, earth);
            default -> throw new IllegalStateException("template 3." + template);
        };
    }

    private static int templateLength(int template) {
        return switch (template) {
            case 0, 40 -> 72;
            case 1 -> 84;
            case 10 -> 72;
            case 20 -> 65;
            case 30 -> 81;
            case 90 -> 80;
            default -> -1;
        };
    }

    /** Shape of the Earth, code table 3.2 (octets 15-30 of every supported template). */
    static Ellipsoid earth(ByteBuffer b, int s) {
        int shape = u1(b, s, 15);
        return switch (shape) {
            case 0 -> Ellipsoid.sphere(6367470.0);
            case 1 -> Ellipsoid.sphere(given(scaled(b, s, 16, 17), "radius", shape));
            case 2 -> new Ellipsoid(6378160.0, 6356775.0);
            case 3 ->
                new Ellipsoid(
                        1000 * given(scaled(b, s, 21, 22), "major axis", shape),
                        1000 * given(scaled(b, s, 26, 27), "minor axis", shape));
            case 4 -> Ellipsoid.GRS80;
            case 5, 10 -> Ellipsoid.WGS84;
            case 6 -> Ellipsoid.sphere(6371229.0);
            case 7 ->
                new Ellipsoid(
                        given(scaled(b, s, 21, 22), "major axis", shape),
                        given(scaled(b, s, 26, 27), "minor axis", shape));
            case 8 -> Ellipsoid.sphere(6371200.0);
            case 9 -> new Ellipsoid(6377563.396, 6356256.909);
            default ->
                throw new UnsupportedOperationException(
                        "shape of the Earth " + shape + " (code table 3.2) is not supported");
        };
    }

    private static double given(double v, String what, int shape) {
        if (!(v > 0)) {
            throw new UnsupportedOperationException(
                    "shape of the Earth " + shape + " (code table 3.2) without a valid " + what);
        }
        return v;
    }

    /** Templates 3.0, 3.1 and 3.40, which share octets 15-72. */
    private static GridDefinition latLon(ByteBuffer b, int s, int template, long points, Ellipsoid earth)
            throws DataFormatException {
        int ni = dimension(b, s, 31, "Ni", template);
        int nj = dimension(b, s, 35, "Nj", template);
        checkPoints(template, points, ni, nj);
        double unit = angleUnit(b, s);
        double la1 = s4(b, s, 47) * unit;
        double lo1 = s4(b, s, 51) * unit;
        int flags = u1(b, s, 55);
        double la2 = s4(b, s, 56) * unit;
        double lo2 = s4(b, s, 60) * unit;
        int scan = u1(b, s, 72);
        checkScan(scan, template);
        boolean minusI = (scan & GridDefinition.SCAN_MINUS_I) != 0;
        boolean plusJ = (scan & GridDefinition.SCAN_PLUS_J) != 0;

        double lonSpan = minusI ? lo1 - lo2 : lo2 - lo1;
        lonSpan -= 360 * Math.floor(lonSpan / 360);
        double di = increment(
                (flags & 0x20) != 0 && !isMissing4(b, s, 64) ? u4(b, s, 64) * unit : Double.NaN, lonSpan, ni, unit);
        double dx = minusI ? -di : di;
        boolean gridRelative = (flags & 0x08) != 0;

        if (template == 40) {
            long n = u4(b, s, 68);
            double[] lats = gaussianRows(n, la1, nj, plusJ, template);
            Grid grid = new GaussianGrid(earth, ni, lo1, dx, lats);
            return new GridDefinition(template, points, grid, scan, gridRelative, null, false);
        }
        double dj = increment(
                (flags & 0x10) != 0 && !isMissing4(b, s, 68) ? u4(b, s, 68) * unit : Double.NaN,
                Math.abs(la2 - la1),
                nj,
                unit);
        double dy = plusJ ? dj : -dj;
        Projection projection = new Geographic(earth);
        if (template == 1) {
            double spLat = s4(b, s, 73) * unit;
            double spLon = s4(b, s, 77) * unit;
            double angle = f4(b, s, 81);
            projection = new RotatedPole(earth, spLat, spLon, angle);
        }
        return new GridDefinition(
                template,
                points,
                new RegularGrid(projection, ni, nj, lo1, la1, dx, dy),
                scan,
                gridRelative,
                null,
                false);
    }

    /**
     * The increment between grid points: the span between first and last point divided by the number of
     * intervals when it agrees with the stated increment within the resolution of the octets, since the
     * stated increment is rounded (1/12 degree is 83333 micro-degrees) and the rounding would add up
     * across the grid; the stated increment otherwise, or when the span is not usable.
     */
    private static double increment(double stated, double span, int n, double unit) {
        if (n < 2) {
            return Double.isNaN(stated) || stated == 0 ? 1 : stated;
        }
        double fromSpan = span / (n - 1);
        if (Double.isNaN(stated) || stated == 0 || Math.abs(fromSpan - stated) <= unit) {
            return fromSpan;
        }
        return stated;
    }

    /** Rows of a Gaussian grid: the {@code nj} latitudes from the one nearest {@code la1}, in scan order. */
    private static double[] gaussianRows(long n, double la1, int nj, boolean plusJ, int template)
            throws DataFormatException {
        if (n <= 0 || n > 100_000) {
            throw new DataFormatException(
                    "template 3." + template + ": " + n + " parallels between a pole and the equator");
        }
        double[] all = GaussianLatitudes.of((int) n);
        int first = 0;
        for (int k = 1; k < all.length; k++) {
            if (Math.abs(all[k] - la1) < Math.abs(all[first] - la1)) {
                first = k;
            }
        }
        if (Math.abs(all[first] - la1) > 1e-3) {
            throw new DataFormatException(
                    "template 3.40: first latitude " + la1 + " is not a latitude of the Gaussian grid N" + n);
        }
        int step = plusJ ? -1 : 1;
        int last = first + step * (nj - 1);
        if (last < 0 || last >= all.length) {
            throw new DataFormatException(
                    "template 3.40: " + nj + " rows from latitude " + la1 + " do not fit in the Gaussian grid N" + n);
        }
        double[] lats = new double[nj];
        for (int j = 0; j < nj; j++) {
            lats[j] = all[first + step * j];
        }
        return lats;
    }

    private static GridDefinition mercator(ByteBuffer b, int s, long points, Ellipsoid earth)
            throws DataFormatException {
        int ni = dimension(b, s, 31, "Ni", 10);
        int nj = dimension(b, s, 35, "Nj", 10);
        checkPoints(10, points, ni, nj);
        double la1 = s4(b, s, 39) * MICRO;
        double lo1 = s4(b, s, 43) * MICRO;
        int flags = u1(b, s, 47);
        double lad = s4(b, s, 48) * MICRO;
        int scan = u1(b, s, 60);
        checkScan(scan, 10);
        long orientation = s4(b, s, 61);
        if (orientation != 0) {
            return unsupported(
                    10, points, "Mercator grid rotated by " + orientation * MICRO + " degrees is not supported");
        }
        double di = u4(b, s, 65) * MILLI;
        double dj = u4(b, s, 69) * MILLI;
        // Centre the projection on the grid so that grids crossing the antimeridian stay continuous.
        double phi = Math.toRadians(lad);
        double e2 = earth.e2();
        double k0 = Math.cos(phi) / Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
        double spanDegrees = Math.toDegrees((ni - 1) * di / (earth.semiMajorAxis() * k0));
        boolean minusI = (scan & GridDefinition.SCAN_MINUS_I) != 0;
        double centre = normalize(lo1 + (minusI ? -spanDegrees : spanDegrees) / 2);
        Mercator projection = new Mercator(earth, lad, centre);
        return projected(10, points, projection, ni, nj, la1, lo1, di, dj, scan, flags);
    }

    /**
     * Octets 31-65 that templates 3.20 and 3.30 share: size, first point, LaD, LoV, grid lengths in
     * millimetres, projection centre flag (flag table 3.5) and scanning mode.
     */
    private record ConicHeader(
            int nx,
            int ny,
            double la1,
            double lo1,
            int flags,
            double lad,
            double lov,
            double dx,
            double dy,
            int centre,
            int scan) {

        static ConicHeader read(ByteBuffer b, int s, long points, int template) throws DataFormatException {
            int nx = dimension(b, s, 31, "Nx", template);
            int ny = dimension(b, s, 35, "Ny", template);
            checkPoints(template, points, nx, ny);
            int scan = u1(b, s, 65);
            checkScan(scan, template);
            return new ConicHeader(
                    nx,
                    ny,
                    s4(b, s, 39) * MICRO,
                    s4(b, s, 43) * MICRO,
                    u1(b, s, 47),
                    s4(b, s, 48) * MICRO,
                    s4(b, s, 52) * MICRO,
                    u4(b, s, 56) * MILLI,
                    u4(b, s, 60) * MILLI,
                    u1(b, s, 64),
                    scan);
        }

        boolean southPole() {
            return (centre & 0x80) != 0;
        }

        boolean bipolar() {
            return (centre & 0x40) != 0;
        }

        GridDefinition grid(int template, long points, Projection projection) throws DataFormatException {
            return projected(template, points, projection, nx, ny, la1, lo1, dx, dy, scan, flags);
        }
    }

    private static GridDefinition polarStereographic(ByteBuffer b, int s, long points, Ellipsoid earth)
            throws DataFormatException {
        ConicHeader h = ConicHeader.read(b, s, points, 20);
        if (h.bipolar()) {
            return unsupported(20, points, "bipolar polar stereographic projection is not supported");
        }
        return h.grid(20, points, new PolarStereographic(earth, h.southPole(), h.lad(), h.lov()));
    }

    private static GridDefinition lambert(ByteBuffer b, int s, long points, Ellipsoid earth)
            throws DataFormatException {
        ConicHeader h = ConicHeader.read(b, s, points, 30);
        if (h.bipolar()) {
            return unsupported(30, points, "bipolar Lambert conformal projection is not supported");
        }
        double latin1 = s4(b, s, 66) * MICRO;
        double latin2 = s4(b, s, 70) * MICRO;
        return h.grid(30, points, new LambertConformal(earth, latin1, latin2, h.lad(), h.lov()));
    }

    /**
     * Template 3.90, space view perspective or orthographic (geostationary satellite), as ecCodes
     * georeferences it: the apparent diameter of the Earth spans {@code dx} (or {@code dy}) grid lengths,
     * the sub-satellite point sits at {@code (Xp, Yp)} grid lengths (times 1000) from the origin.
     */
    private static GridDefinition spaceView(ByteBuffer b, int s, long points, Ellipsoid earth)
            throws DataFormatException {
        int nx = dimension(b, s, 31, "Nx", 90);
        int ny = dimension(b, s, 35, "Ny", 90);
        checkPoints(90, points, nx, ny);
        double lap = s4(b, s, 39) * MICRO;
        double lop = s4(b, s, 43) * MICRO;
        int flags = u1(b, s, 47);
        long apparentX = u4(b, s, 48);
        long apparentY = u4(b, s, 52);
        double xp = s4(b, s, 56) * MILLI;
        double yp = s4(b, s, 60) * MILLI;
        int scan = u1(b, s, 64);
        checkScan(scan, 90);
        long orientation = s4(b, s, 65);
        long nr = u4(b, s, 69);
        long xo = u4(b, s, 73);
        long yo = u4(b, s, 77);
        if (lap != 0 || orientation != 0) {
            return unsupported(
                    90,
                    points,
                    "space view with sub-satellite latitude " + lap + " or orientation " + orientation * MICRO
                            + " is not supported");
        }
        if (nr == 0xffffffffL) {
            return unsupported(90, points, "orthographic space view (Nr missing) is not supported");
        }
        if (nr <= 1_000_000L || apparentX == 0 || apparentY == 0) {
            throw new DataFormatException(
                    "template 3.90: invalid camera altitude Nr=" + nr + " or apparent diameter " + apparentX);
        }
        double a = earth.semiMajorAxis();
        double h = (nr * MICRO - 1) * a;
        // Scan angle of one grid length: the Earth's apparent equatorial diameter 2*asin(1/Nr) spans dx
        // grid lengths, its polar diameter (smaller by b/a) dy grid lengths (as ecCodes' space_view).
        double angle = 2 * Math.asin(1e6 / nr);
        double rx = angle / apparentX;
        double ry = earth.semiMinorAxis() / a * angle / apparentY;
        Geostationary projection = new Geostationary(earth, h, lop, false);
        boolean minusI = (scan & GridDefinition.SCAN_MINUS_I) != 0;
        boolean plusJ = (scan & GridDefinition.SCAN_PLUS_J) != 0;
        // Point (i, j) of the message is point (xo + i, yo + j) of the full disk; the sub-satellite point
        // is at (xp, yp). x grows eastwards unless scanning -i, y grows northwards unless scanning -j.
        double stepX = rx * h * (minusI ? -1 : 1);
        double stepY = ry * h * (plusJ ? 1 : -1);
        double x0 = (xo - xp) * stepX;
        double y0 = (yo - yp) * stepY;
        Grid grid = new RegularGrid(projection, nx, ny, x0, y0, stepX, stepY);
        return new GridDefinition(90, points, grid, scan, (flags & 0x08) != 0, null, false);
    }

    private static GridDefinition projected(
            int template,
            long points,
            Projection projection,
            int nx,
            int ny,
            double la1,
            double lo1,
            double dx,
            double dy,
            int scan,
            int flags)
            throws DataFormatException {
        if (!(dx > 0) || !(dy > 0)) {
            throw new DataFormatException(
                    "template 3." + template + ": grid lengths must be positive, got Dx=" + dx + " m, Dy=" + dy + " m");
        }
        double[] xy = new double[2];
        projection.forward(lo1, la1, xy);
        if (Double.isNaN(xy[0]) || Double.isNaN(xy[1])) {
            throw new DataFormatException("template 3." + template + ": first grid point " + la1 + "," + lo1
                    + " cannot be projected with " + projection.toProj());
        }
        double stepX = (scan & GridDefinition.SCAN_MINUS_I) != 0 ? -dx : dx;
        double stepY = (scan & GridDefinition.SCAN_PLUS_J) != 0 ? dy : -dy;
        Grid grid = new RegularGrid(projection, nx, ny, xy[0], xy[1], stepX, stepY);
        return new GridDefinition(template, points, grid, scan, (flags & 0x08) != 0, null, false);
    }

    private static double angleUnit(ByteBuffer b, int s) {
        long basic = u4(b, s, 39);
        long subdivisions = u4(b, s, 43);
        if (basic == 0 || basic == 0xffffffffL || subdivisions == 0 || subdivisions == 0xffffffffL) {
            return MICRO;
        }
        return (double) basic / subdivisions;
    }

    private static int dimension(ByteBuffer b, int s, int octet, String name, int template) throws DataFormatException {
        long v = u4(b, s, octet);
        if (v == 0 || v == 0xffffffffL || v > Integer.MAX_VALUE) {
            throw new DataFormatException("template 3." + template + ": invalid " + name + " = "
                    + (v == 0xffffffffL ? "missing" : Long.toString(v)));
        }
        return (int) v;
    }

    private static void checkPoints(int template, long points, int nx, int ny) throws DataFormatException {
        if ((long) nx * ny != points) {
            throw new DataFormatException("template 3." + template + ": " + nx + "x" + ny + " grid does not match "
                    + points + " data points announced in section 3");
        }
    }

    private static void checkScan(int scan, int template) throws DataFormatException {
        if ((scan & 0x0f) != 0) {
            throw new UnsupportedDataException("template 3." + template + ": scanning mode " + scan
                    + " shifts odd or even rows (flag table 3.4 bits 5-8), which is not supported");
        }
    }

    private static GridDefinition unsupported(int template, long points, String why) {
        return GridDefinition.unsupported(template, points, why);
    }

    private static double normalize(double lon) {
        double l = lon - 360 * Math.floor((lon + 180) / 360);
        return l;
    }
}
