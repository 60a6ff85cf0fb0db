package org.gsweather.grid;

import java.util.Objects;

/**
 * Geostationary satellite view (GRIB2 template 3.90, CF {@code geostationary}), as PROJ {@code
 * +proj=geos +h +lon_0 +sweep=x|y}: coordinates are the scan angles in radians times the perspective
 * height {@code h} above the ellipsoid, in metres. {@code sweepX} is the GOES-R ABI scan geometry (CF
 * {@code sweep_angle_axis = "x"}), otherwise Meteosat's and Himawari's ({@code "y"}). Points on the far
 * side of the Earth, and scan angles whose ray misses the Earth, give NaN.
 *
 * <p>Geometry in units of the semi-major axis, the satellite on the x axis at distance G = 1 + h/a from
 * the centre: GOES-R Product User Guide vol. 3, section 5.1.2.8 (navigation, both directions) for the
 * x sweep, CGMS 03 "LRIT/HRIT Global Specification" section 4.4.3.2 for the y sweep; PROJ {@code geos}.
 */
public final class Geostationary implements Projection {
    private final Ellipsoid ellipsoid;
    private final double perspectiveHeight;
    private final double subSatelliteLon;
    private final boolean sweepX;

    private final double e2;
    /** a² / b². */
    private final double q;
    /** Distance from the Earth's centre to the satellite, in semi-major axes. */
    private final double g;
    /** G² - 1. */
    private final double c;

    public Geostationary(Ellipsoid ellipsoid, double perspectiveHeight, double subSatelliteLon, boolean sweepX) {
        this.ellipsoid = Objects.requireNonNull(ellipsoid, "ellipsoid");
        this.perspectiveHeight = perspectiveHeight;
        this.subSatelliteLon = subSatelliteLon;
        this.sweepX = sweepX;
        if (!(perspectiveHeight > 0) || !Double.isFinite(perspectiveHeight) || !Double.isFinite(subSatelliteLon)) {
            throw new IllegalArgumentException("invalid geostationary view: perspective height " + perspectiveHeight
                    + " m, sub-satellite longitude " + subSatelliteLon);
        }
        double a = ellipsoid.semiMajorAxis();
        double b = ellipsoid.semiMinorAxis();
        e2 = ellipsoid.e2();
        q = (a * a) / (b * b);
        g = 1 + perspectiveHeight / a;
        c = g * g - 1;
    }

    @Override
    public Ellipsoid ellipsoid() {
        return ellipsoid;
    }

    public double perspectiveHeight() {
        return perspectiveHeight;
    }

    public double subSatelliteLon() {
        return subSatelliteLon;
    }

    public boolean sweepX() {
        return sweepX;
    }

    @Override
    public String name() {
        return "geostationary";
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(Longitudes.wrap(lon - subSatelliteLon));
        double sinPhi = Math.sin(phi);
        double cosPhi = Math.cos(phi);
        // Earth-centred position of the surface point (prime vertical radius N, in semi-major axes)
        double nu = 1 / Math.sqrt(1 - e2 * sinPhi * sinPhi);
        double px = nu * cosPhi * Math.cos(lambda);
        double py = nu * cosPhi * Math.sin(lambda);
        double pz = nu * (1 - e2) * sinPhi;
        double u = g - px;
        // Visible when the satellite lies above the tangent plane: (S - P) · normal(P) > 0.
        if (!(u * px - py * py - q * pz * pz >= 0) || !(Math.abs(lat) <= 90)) {
            xy[0] = Double.NaN;
            xy[1] = Double.NaN;
            return;
        }
        double angleX;
        double angleY;
        if (sweepX) {
            angleX = Math.atan(py / Math.sqrt(pz * pz + u * u));
            angleY = Math.atan(pz / u);
        } else {
            angleX = Math.atan(py / u);
            angleY = Math.atan(pz / Math.sqrt(py * py + u * u));
        }
        xy[0] = perspectiveHeight * angleX;
        xy[1] = perspectiveHeight * angleY;
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        double angleX = x / perspectiveHeight;
        double angleY = y / perspectiveHeight;
        if (!(Math.abs(angleX) < Math.PI / 2) || !(Math.abs(angleY) < Math.PI / 2)) {
            lonLat[0] = Double.NaN;
            lonLat[1] = Double.NaN;
            return;
        }
        // Ray from the satellite, direction (-1, vy, vz), meets the ellipsoid at S + k·(-1, vy, vz).
        double vy;
        double vz;
        if (sweepX) {
            vz = Math.tan(angleY);
            vy = Math.tan(angleX) * Math.sqrt(1 + vz * vz);
        } else {
            vy = Math.tan(angleX);
            vz = Math.tan(angleY) * Math.sqrt(1 + vy * vy);
        }
        double slope = vy * vy + q * vz * vz;
        // quarter discriminant of (1 + slope)·k² - 2g·k + c = 0: g² - (1 + slope)·c, with g² - c = 1
        double discriminant = 1 - slope * c;
        if (!(discriminant >= 0)) {
            lonLat[0] = Double.NaN;
            lonLat[1] = Double.NaN;
            return;
        }
        // the nearer root, written without cancellation
        double k = c / (g + Math.sqrt(discriminant));
        double px = g - k;
        double py = k * vy;
        double pz = k * vz;
        lonLat[0] = Longitudes.wrap(subSatelliteLon + Math.toDegrees(Math.atan2(py, px)));
        lonLat[1] = Math.toDegrees(Math.atan2(q * pz, Math.sqrt(px * px + py * py)));
    }

    @Override
    public String toProj() {
        return "+proj=geos +h=" + Num.format(perspectiveHeight) + " +lon_0=" + Num.format(subSatelliteLon) + " +sweep="
                + (sweepX ? "x" : "y") + " +x_0=0 +y_0=0 " + ellipsoid.toProj() + " +no_defs";
    }

    /**
     * GeoTools' {@code Geostationary_Satellite}. GeoTools 32 knows only the y sweep (Meteosat); for the
     * x sweep (GOES-R) it would place pixels off by up to kilometres near the limb, so that WKT also
     * carries the exact PROJ definition in GDAL's {@code EXTENSION["PROJ4", ...]}, which GeoTools reads
     * past; the GeoServer adapter must then project with this class, not with GeoTools.
     */
    @Override
    public String toWkt() {
        ProjcsWkt wkt = new ProjcsWkt(name(), ellipsoid, "Geostationary_Satellite")
                .centralMeridian(subSatelliteLon)
                .parameter("satellite_height", perspectiveHeight);
        return sweepX ? wkt.endInMetres("EXTENSION[\"PROJ4\",\"" + toProj() + "\"]") : wkt.endInMetres();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geostationary p
                && p.ellipsoid.equals(ellipsoid)
                && Double.compare(p.perspectiveHeight, perspectiveHeight) == 0
                && Double.compare(p.subSatelliteLon, subSatelliteLon) == 0
                && p.sweepX == sweepX;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ellipsoid, perspectiveHeight, subSatelliteLon, sweepX);
    }

    @Override
    public String toString() {
        return "Geostationary[ellipsoid=" + ellipsoid + ", perspectiveHeight=" + perspectiveHeight
                + ", subSatelliteLon=" + subSatelliteLon + ", sweepX=" + sweepX + "]";
    }
}
