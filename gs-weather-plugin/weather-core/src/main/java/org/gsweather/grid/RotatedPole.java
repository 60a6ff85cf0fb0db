package org.gsweather.grid;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Rotated latitude/longitude (GRIB2 template 3.1, CF {@code rotated_latitude_longitude}): projected
 * coordinates are rotated longitude and latitude in degrees, the rotated longitude in [-180, 180].
 *
 * <p>GRIB2 convention: the southern pole of the rotated system lies at geographic ({@code
 * southPoleLat}, {@code southPoleLon}), the rotated meridian 0 runs through the geographic meridian
 * {@code southPoleLon}, and {@code angleOfRotation} turns the rotated system about its polar axis so
 * that rotated longitudes decrease by that angle. This is exactly PROJ's {@code +proj=ob_tran
 * +o_proj=longlat +o_lat_p=-southPoleLat +o_lon_p=-angleOfRotation +lon_0=southPoleLon} (PROJ's and
 * GDAL's "Pole rotation (GRIB convention)"), and for angle 0 what ecCodes computes. The rotation acts on
 * the latitudes and longitudes as given, whatever the ellipsoid.
 *
 * <p>Snyder (1987) eqs. 5-7, 5-8b (forward) and 5-9, 5-10b (inverse), as one rotation matrix.
 */
public final class RotatedPole implements Projection {
    private final Ellipsoid ellipsoid;
    private final double southPoleLat;
    private final double southPoleLon;
    private final double angleOfRotation;

    /** Rows of the rotation from geographic to rotated unit vectors (its transpose is the inverse). */
    private final double r00, r01, r02, r10, r11, r12, r20, r21, r22;

    public RotatedPole(Ellipsoid ellipsoid, double southPoleLat, double southPoleLon, double angleOfRotation) {
        this.ellipsoid = Objects.requireNonNull(ellipsoid, "ellipsoid");
        this.southPoleLat = southPoleLat;
        this.southPoleLon = southPoleLon;
        this.angleOfRotation = angleOfRotation;
        if (!(Math.abs(southPoleLat) <= 90) || !Double.isFinite(southPoleLon) || !Double.isFinite(angleOfRotation)) {
            throw new IllegalArgumentException("invalid rotated pole: south pole at latitude " + southPoleLat
                    + ", longitude " + southPoleLon + ", angle of rotation " + angleOfRotation);
        }
        // Turn the geographic frame about the polar axis by southPoleLon, tilt it about the new y axis
        // so that its north pole moves to latitude -southPoleLat, then turn it about the new polar axis.
        double sinLon = Math.sin(Math.toRadians(southPoleLon));
        double cosLon = Math.cos(Math.toRadians(southPoleLon));
        double sinP = Math.sin(Math.toRadians(-southPoleLat));
        double cosP = Math.cos(Math.toRadians(-southPoleLat));
        double sinA = Math.sin(Math.toRadians(-angleOfRotation));
        double cosA = Math.cos(Math.toRadians(-angleOfRotation));
        // tilt·turn, by rows: (sinP cosLon, sinP sinLon, cosP), (-sinLon, cosLon, 0),
        // (-cosP cosLon, -cosP sinLon, sinP); then the turn by the angle mixes the first two rows.
        double t00 = sinP * cosLon, t01 = sinP * sinLon, t02 = cosP;
        double t10 = -sinLon, t11 = cosLon, t12 = 0;
        r00 = cosA * t00 - sinA * t10;
        r01 = cosA * t01 - sinA * t11;
        r02 = cosA * t02 - sinA * t12;
        r10 = sinA * t00 + cosA * t10;
        r11 = sinA * t01 + cosA * t11;
        r12 = sinA * t02 + cosA * t12;
        r20 = -cosP * cosLon;
        r21 = -cosP * sinLon;
        r22 = sinP;
    }

    /**
     * From the CF {@code rotated_latitude_longitude} attributes: the grid's north pole lies at geographic
     * ({@code gridNorthPoleLat}, {@code gridNorthPoleLon}) and geographic north is at rotated longitude
     * {@code northPoleGridLongitude} (PROJ: {@code +o_lat_p=gridNorthPoleLat +o_lon_p=northPoleGridLongitude
     * +lon_0=180+gridNorthPoleLon}).
     */
    public static RotatedPole fromNorthPole(
            Ellipsoid ellipsoid, double gridNorthPoleLat, double gridNorthPoleLon, double northPoleGridLongitude) {
        double southPoleLon = gridNorthPoleLon > 0 ? gridNorthPoleLon - 180 : gridNorthPoleLon + 180;
        return new RotatedPole(ellipsoid, 0.0 - gridNorthPoleLat, southPoleLon, 0.0 - northPoleGridLongitude);
    }

    @Override
    public Ellipsoid ellipsoid() {
        return ellipsoid;
    }

    /** Latitude of the southern pole of the rotated system, degrees (GRIB2 template 3.1 octets 73-76). */
    public double southPoleLat() {
        return southPoleLat;
    }

    /** Longitude of the southern pole of the rotated system, degrees (octets 77-80). */
    public double southPoleLon() {
        return southPoleLon;
    }

    /** Rotation about the new polar axis, degrees (octets 81-84). */
    public double angleOfRotation() {
        return angleOfRotation;
    }

    @Override
    public String name() {
        return "rotated lat/lon";
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        rotate(lon, lat, xy, false);
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        rotate(x, y, lonLat, true);
    }

    private void rotate(double lon, double lat, double[] out, boolean inverse) {
        double lambda = Math.toRadians(lon);
        double phi = Math.toRadians(lat);
        double cosPhi = Math.cos(phi);
        double vx = cosPhi * Math.cos(lambda);
        double vy = cosPhi * Math.sin(lambda);
        double vz = Math.sin(phi);
        double x, y, z;
        if (inverse) {
            x = r00 * vx + r10 * vy + r20 * vz;
            y = r01 * vx + r11 * vy + r21 * vz;
            z = r02 * vx + r12 * vy + r22 * vz;
        } else {
            x = r00 * vx + r01 * vy + r02 * vz;
            y = r10 * vx + r11 * vy + r12 * vz;
            z = r20 * vx + r21 * vy + r22 * vz;
        }
        out[0] = Math.toDegrees(Math.atan2(y, x));
        out[1] = Math.toDegrees(Math.atan2(z, Math.sqrt(x * x + y * y)));
    }

    @Override
    public String toProj() {
        return "+proj=ob_tran +o_proj=longlat +o_lat_p=" + Num.format(0.0 - southPoleLat) + " +o_lon_p="
                + Num.format(0.0 - angleOfRotation) + " +lon_0=" + Num.format(southPoleLon) + " "
                + ellipsoid.toProj() + " +no_defs";
    }

    /**
     * GeoTools' {@code Rotated_Pole} (no WKT 1 standard exists): {@code latitude_of_origin} and {@code
     * central_meridian} are the geographic position of rotated (0, 0), i.e. 90 + southPoleLat and
     * southPoleLon, the outputs are rotated degrees under a unit named degree of factor 1 (as GeoTools'
     * own test scripts write it), and the angle of rotation, which GeoTools' parameters lack, is its
     * {@code false_easting}, added to the rotated longitude. GeoTools 32 computes the rotated longitude
     * with atan, not atan2, so it is right only within ±90° of rotated longitude 0 (true of limited-area
     * grids such as HRDPS or COSMO); beyond that the GeoServer adapter must use this class instead.
     */
    @Override
    public String toWkt() {
        return new ProjcsWkt(name(), ellipsoid, "Rotated_Pole")
                .parameter("latitude_of_origin", decimalSum(90, southPoleLat))
                .centralMeridian(southPoleLon)
                .parameter("scale_factor", 1)
                .parameter("false_easting", 0.0 - angleOfRotation)
                .parameter("false_northing", 0)
                .end("UNIT[\"degree\",1]");
    }

    /** a + b rounded once from the decimal sum, so that 90 + -36.08852 prints as 53.91148. */
    private static double decimalSum(double a, double b) {
        return BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RotatedPole p
                && p.ellipsoid.equals(ellipsoid)
                && Double.compare(p.southPoleLat, southPoleLat) == 0
                && Double.compare(p.southPoleLon, southPoleLon) == 0
                && Double.compare(p.angleOfRotation, angleOfRotation) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ellipsoid, southPoleLat, southPoleLon, angleOfRotation);
    }

    @Override
    public String toString() {
        return "RotatedPole[ellipsoid=" + ellipsoid + ", southPoleLat=" + southPoleLat + ", southPoleLon="
                + southPoleLon + ", angleOfRotation=" + angleOfRotation + "]";
    }
}
