package org.gsweather.grid;

import java.util.Objects;

/**
 * Lambert conformal conic, one or two standard parallels (GRIB2 template 3.30, CF {@code
 * lambert_conformal_conic}), as PROJ {@code +proj=lcc +lat_1 +lat_2 +lat_0 +lon_0 +x_0=0 +y_0=0}: the
 * tangent cone when both parallels are equal, a cone opening southwards when they lie in the southern
 * hemisphere. The pole opposite the apex of the cone has no image.
 *
 * <p>Snyder (1987) pp. 104-110: ρ = a F t^n (15-7), n (15-8, or sin φ1 for the tangent cone), F (15-10),
 * x = ρ sin θ, y = ρ0 - ρ cos θ with θ = n (λ - λ0) (14-1, 14-2); inverse (14-10, 14-11, 15-11).
 */
public final class LambertConformal implements Projection {
    /** PROJ's threshold, in radians, below which two standard parallels make a tangent cone. */
    private static final double SAME_PARALLEL = 1e-10;

    private final Ellipsoid ellipsoid;
    private final double standardParallel1;
    private final double standardParallel2;
    private final double latitudeOfOrigin;
    private final double centralMeridian;

    private final ConformalLatitude conformal;
    /** Cone constant n; negative for a cone whose apex is the south pole. */
    private final double n;
    /** a·F in metres, with the sign of n. */
    private final double aF;
    /** ρ0: distance from the apex to the latitude of origin, with the sign of n. */
    private final double rho0;

    public LambertConformal(
            Ellipsoid ellipsoid,
            double standardParallel1,
            double standardParallel2,
            double latitudeOfOrigin,
            double centralMeridian) {
        this.ellipsoid = Objects.requireNonNull(ellipsoid, "ellipsoid");
        this.standardParallel1 = standardParallel1;
        this.standardParallel2 = standardParallel2;
        this.latitudeOfOrigin = latitudeOfOrigin;
        this.centralMeridian = centralMeridian;
        if (!(Math.abs(standardParallel1) < 90) || !(Math.abs(standardParallel2) < 90)) {
            throw new IllegalArgumentException("standard parallels must lie strictly between the poles: "
                    + standardParallel1 + ", " + standardParallel2);
        }
        if (Math.abs(Math.toRadians(standardParallel1 + standardParallel2)) < SAME_PARALLEL) {
            throw new IllegalArgumentException("standard parallels symmetric about the equator make no cone: "
                    + standardParallel1 + ", " + standardParallel2);
        }
        if (!(Math.abs(latitudeOfOrigin) <= 90) || !Double.isFinite(centralMeridian)) {
            throw new IllegalArgumentException(
                    "invalid origin: latitude " + latitudeOfOrigin + ", central meridian " + centralMeridian);
        }
        conformal = new ConformalLatitude(ellipsoid);
        double m1 = conformal.parallelRadius(standardParallel1);
        double psi1 = conformal.isometric(standardParallel1);
        if (Math.abs(Math.toRadians(standardParallel1 - standardParallel2)) < SAME_PARALLEL) {
            n = Math.sin(Math.toRadians(standardParallel1));
        } else {
            double m2 = conformal.parallelRadius(standardParallel2);
            double psi2 = conformal.isometric(standardParallel2);
            n = Math.log(m1 / m2) / (psi2 - psi1);
        }
        aF = ellipsoid.semiMajorAxis() * m1 * Math.exp(n * psi1) / n;
        rho0 = aF * Math.exp(-n * conformal.isometric(latitudeOfOrigin));
        if (!Double.isFinite(rho0)) {
            throw new IllegalArgumentException(
                    "latitude of origin " + latitudeOfOrigin + " is the pole opposite the apex of the cone");
        }
    }

    @Override
    public Ellipsoid ellipsoid() {
        return ellipsoid;
    }

    public double standardParallel1() {
        return standardParallel1;
    }

    public double standardParallel2() {
        return standardParallel2;
    }

    public double latitudeOfOrigin() {
        return latitudeOfOrigin;
    }

    public double centralMeridian() {
        return centralMeridian;
    }

    @Override
    public String name() {
        return "Lambert conformal";
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        double rho = aF * Math.exp(-n * conformal.isometric(lat));
        if (!Double.isFinite(rho)) {
            xy[0] = Double.NaN;
            xy[1] = Double.NaN;
            return;
        }
        double theta = Math.toRadians(n * Longitudes.wrap(lon - centralMeridian));
        xy[0] = rho * Math.sin(theta);
        xy[1] = rho0 - rho * Math.cos(theta);
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        double dy = rho0 - y;
        double rho = Math.sqrt(x * x + dy * dy);
        if (rho == 0) {
            lonLat[0] = Longitudes.wrap(centralMeridian);
            lonLat[1] = Math.copySign(90.0, n);
            return;
        }
        double theta = n > 0 ? Math.atan2(x, dy) : Math.atan2(-x, -dy);
        lonLat[0] = Longitudes.wrap(centralMeridian + Math.toDegrees(theta) / n);
        lonLat[1] = conformal.latitude(-Math.log(rho / Math.abs(aF)) / n);
    }

    @Override
    public String toProj() {
        return "+proj=lcc +lat_1=" + Num.format(standardParallel1) + " +lat_2=" + Num.format(standardParallel2)
                + " +lat_0=" + Num.format(latitudeOfOrigin) + " +lon_0=" + Num.format(centralMeridian)
                + " +x_0=0 +y_0=0 " + ellipsoid.toProj() + " +no_defs";
    }

    /**
     * GeoTools' {@code Lambert_Conformal_Conic_1SP} when the cone touches the Earth along the latitude
     * of origin, {@code Lambert_Conformal_Conic_2SP} otherwise (which also takes two equal parallels).
     */
    @Override
    public String toWkt() {
        if (standardParallel1 == standardParallel2 && standardParallel1 == latitudeOfOrigin) {
            return new ProjcsWkt(name(), ellipsoid, "Lambert_Conformal_Conic_1SP")
                    .parameter("latitude_of_origin", latitudeOfOrigin)
                    .centralMeridian(centralMeridian)
                    .parameter("scale_factor", 1)
                    .endInMetres();
        }
        return new ProjcsWkt(name(), ellipsoid, "Lambert_Conformal_Conic_2SP")
                .parameter("standard_parallel_1", standardParallel1)
                .parameter("standard_parallel_2", standardParallel2)
                .parameter("latitude_of_origin", latitudeOfOrigin)
                .centralMeridian(centralMeridian)
                .endInMetres();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LambertConformal p
                && p.ellipsoid.equals(ellipsoid)
                && Double.compare(p.standardParallel1, standardParallel1) == 0
                && Double.compare(p.standardParallel2, standardParallel2) == 0
                && Double.compare(p.latitudeOfOrigin, latitudeOfOrigin) == 0
                && Double.compare(p.centralMeridian, centralMeridian) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ellipsoid, standardParallel1, standardParallel2, latitudeOfOrigin, centralMeridian);
    }

    @Override
    public String toString() {
        return "LambertConformal[ellipsoid=" + ellipsoid + ", standardParallel1=" + standardParallel1
                + ", standardParallel2=" + standardParallel2 + ", latitudeOfOrigin=" + latitudeOfOrigin
                + ", centralMeridian=" + centralMeridian + "]";
    }
}
