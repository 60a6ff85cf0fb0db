package org.gsweather.grid;

/**
 * Figure of the Earth used by a grid: a sphere when both axes are equal.
 *
 * @param semiMajorAxis equatorial radius in metres
 * @param semiMinorAxis polar radius in metres
 */
public record Ellipsoid(double semiMajorAxis, double semiMinorAxis) {

    public static final Ellipsoid WGS84 = fromFlattening(6378137.0, 298.257223563);
    public static final Ellipsoid GRS80 = fromFlattening(6378137.0, 298.257222101);

    public Ellipsoid {
        if (!(semiMajorAxis > 0) || !(semiMinorAxis > 0) || semiMinorAxis > semiMajorAxis) {
            throw new IllegalArgumentException(
                    "invalid Earth axes: semi-major " + semiMajorAxis + " m, semi-minor " + semiMinorAxis + " m");
        }
    }

    public static Ellipsoid sphere(double radius) {
        return new Ellipsoid(radius, radius);
    }

    public static Ellipsoid fromFlattening(double semiMajorAxis, double inverseFlattening) {
        return new Ellipsoid(semiMajorAxis, semiMajorAxis * (1 - 1 / inverseFlattening));
    }

    public boolean isSphere() {
        return semiMajorAxis == semiMinorAxis;
    }

    /** First eccentricity squared. */
    public double e2() {
        double a2 = semiMajorAxis * semiMajorAxis;
        return (a2 - semiMinorAxis * semiMinorAxis) / a2;
    }

    /** First eccentricity. */
    public double e() {
        return Math.sqrt(e2());
    }

    /** PROJ parameters of this figure, e.g. {@code +R=6371229} or {@code +a=6378137 +b=6356752.314}. */
    public String toProj() {
        return isSphere()
                ? "+R=" + Num.format(semiMajorAxis)
                : "+a=" + Num.format(semiMajorAxis) + " +b=" + Num.format(semiMinorAxis);
    }

    /** WKT1 SPHEROID element. */
    String toWkt() {
        // Rounded to 1e-9: the semi-minor axis derived from 298.257223563 gives back 298.2572235629972.
        double invF = isSphere() ? 0 : Math.rint(1e9 * semiMajorAxis / (semiMajorAxis - semiMinorAxis)) / 1e9;
        return "SPHEROID[\"" + (isSphere() ? "Sphere" : "Ellipsoid") + "\"," + Num.format(semiMajorAxis) + ","
                + Num.format(invF) + "]";
    }

    /** WKT1 GEOGCS element on this figure, longitudes in degrees from Greenwich. */
    String geogcsWkt() {
        return "GEOGCS[\"Geographic on " + (isSphere() ? "sphere" : "ellipsoid") + "\",DATUM[\"unknown\"," + toWkt()
                + "],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
    }
}
