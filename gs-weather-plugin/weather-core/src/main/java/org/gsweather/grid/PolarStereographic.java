package org.gsweather.grid;

import java.util.Objects;

/**
 * Polar stereographic (GRIB2 template 3.20, CF {@code polar_stereographic}), as PROJ {@code +proj=stere
 * +lat_0=90|-90 +lat_ts +lon_0}: the GRIB2 projection centre flag chooses the pole, LaD is the latitude
 * of true scale and LoV the central meridian. Only |latitudeOfTrueScale| counts: the true-scale
 * parallel always lies in the hemisphere of the pole (as in GeoTools' Stereographic_North/South_Pole);
 * PROJ 9 would turn a parallel of the other hemisphere into a meaningless scale and sign, so {@link
 * #toProj()} writes it mirrored. The opposite pole has no image.
 *
 * <p>Snyder (1987) pp. 160-162: ρ = a m_c t / t_c (21-34), or 2 a t / sqrt((1+e)^(1+e) (1-e)^(1-e))
 * (21-33) with true scale at the pole; x = ρ sin(λ-λ0), y = ∓ρ cos(λ-λ0) (21-30, 21-31), the south
 * polar case by the substitutions φ → -φ, y → -y given there.
 */
public final class PolarStereographic implements Projection {
    /** PROJ's threshold, in radians, for a latitude of true scale at the pole. */
    private static final double AT_POLE = 1e-10;

    private final Ellipsoid ellipsoid;
    private final boolean southPole;
    private final double latitudeOfTrueScale;
    private final double centralMeridian;

    private final ConformalLatitude conformal;
    /** ρ = aK·t for the north polar aspect. */
    private final double aK;
    /** +1 for the north pole, -1 for the south pole. */
    private final double pole;

    public PolarStereographic(
            Ellipsoid ellipsoid, boolean southPole, double latitudeOfTrueScale, double centralMeridian) {
        this.ellipsoid = Objects.requireNonNull(ellipsoid, "ellipsoid");
        this.southPole = southPole;
        this.latitudeOfTrueScale = latitudeOfTrueScale;
        this.centralMeridian = centralMeridian;
        double phiC = Math.abs(latitudeOfTrueScale);
        if (!(phiC <= 90) || !Double.isFinite(centralMeridian)) {
            throw new IllegalArgumentException("invalid polar stereographic: latitude of true scale "
                    + latitudeOfTrueScale + ", central meridian " + centralMeridian);
        }
        conformal = new ConformalLatitude(ellipsoid);
        double k;
        if (Math.toRadians(90 - phiC) < AT_POLE) {
            double e = ellipsoid.e();
            k = 2 / Math.sqrt(Math.pow(1 + e, 1 + e) * Math.pow(1 - e, 1 - e));
        } else {
            k = conformal.parallelRadius(phiC) * Math.exp(conformal.isometric(phiC));
        }
        aK = ellipsoid.semiMajorAxis() * k;
        pole = southPole ? -1 : 1;
    }

    @Override
    public Ellipsoid ellipsoid() {
        return ellipsoid;
    }

    public boolean southPole() {
        return southPole;
    }

    public double latitudeOfTrueScale() {
        return latitudeOfTrueScale;
    }

    public double centralMeridian() {
        return centralMeridian;
    }

    @Override
    public String name() {
        return "polar stereographic";
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        double rho = aK * Math.exp(-pole * conformal.isometric(lat));
        if (!Double.isFinite(rho)) {
            xy[0] = Double.NaN;
            xy[1] = Double.NaN;
            return;
        }
        double lambda = Math.toRadians(Longitudes.wrap(lon - centralMeridian));
        xy[0] = rho * Math.sin(lambda);
        xy[1] = -pole * rho * Math.cos(lambda);
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        double rho = Math.sqrt(x * x + y * y);
        lonLat[0] = rho == 0
                ? Longitudes.wrap(centralMeridian)
                : Longitudes.wrap(centralMeridian + Math.toDegrees(Math.atan2(x, -pole * y)));
        lonLat[1] = conformal.latitude(-pole * Math.log(rho / aK));
    }

    @Override
    public String toProj() {
        return "+proj=stere +lat_0=" + (southPole ? "-90" : "90") + " +lat_ts=" + Num.format(trueScaleParallel())
                + " +lon_0=" + Num.format(centralMeridian) + " +x_0=0 +y_0=0 " + ellipsoid.toProj() + " +no_defs";
    }

    /**
     * ESRI's {@code Stereographic_North_Pole} / {@code Stereographic_South_Pole} with {@code
     * standard_parallel_1} = latitude of true scale, which GeoTools reads as this projection. Not
     * {@code Polar_Stereographic}: for GeoTools that is EPSG variant A, whose {@code latitude_of_origin}
     * only picks the pole and whose scale is true at the pole, whatever GDAL means by it.
     */
    @Override
    public String toWkt() {
        return new ProjcsWkt(name(), ellipsoid, southPole ? "Stereographic_South_Pole" : "Stereographic_North_Pole")
                .parameter("standard_parallel_1", trueScaleParallel())
                .centralMeridian(centralMeridian)
                .parameter("scale_factor", 1)
                .endInMetres();
    }

    /** The latitude of true scale in the hemisphere of the pole. */
    private double trueScaleParallel() {
        return southPole ? -Math.abs(latitudeOfTrueScale) : Math.abs(latitudeOfTrueScale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolarStereographic p
                && p.ellipsoid.equals(ellipsoid)
                && p.southPole == southPole
                && Double.compare(p.latitudeOfTrueScale, latitudeOfTrueScale) == 0
                && Double.compare(p.centralMeridian, centralMeridian) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ellipsoid, southPole, latitudeOfTrueScale, centralMeridian);
    }

    @Override
    public String toString() {
        return "PolarStereographic[ellipsoid=" + ellipsoid + ", southPole=" + southPole + ", latitudeOfTrueScale="
                + latitudeOfTrueScale + ", centralMeridian=" + centralMeridian + "]";
    }
}
