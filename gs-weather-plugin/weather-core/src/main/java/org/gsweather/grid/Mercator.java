package org.gsweather.grid;

import java.util.Objects;

/**
 * Mercator (GRIB2 template 3.10, CF {@code mercator}), as PROJ {@code +proj=merc +lat_ts +lon_0}: scale
 * true along ±{@code latitudeOfTrueScale}. The poles have no image.
 *
 * <p>Snyder (1987) p. 44: x = a k0 (λ - λ0), y = a k0 ψ (7-6, 7-7), with k0 = m(φ_ts) (14-15) as in
 * EPSG method 9805 (Mercator variant B); inverse (7-10) and ψ → φ as in {@link ConformalLatitude}.
 */
public final class Mercator implements Projection {
    private final Ellipsoid ellipsoid;
    private final double latitudeOfTrueScale;
    private final double centralMeridian;

    private final ConformalLatitude conformal;
    /** a·k0 in metres. */
    private final double ak0;

    public Mercator(Ellipsoid ellipsoid, double latitudeOfTrueScale, double centralMeridian) {
        this.ellipsoid = Objects.requireNonNull(ellipsoid, "ellipsoid");
        this.latitudeOfTrueScale = latitudeOfTrueScale;
        this.centralMeridian = centralMeridian;
        if (!(Math.abs(latitudeOfTrueScale) < 90) || !Double.isFinite(centralMeridian)) {
            throw new IllegalArgumentException("invalid Mercator: latitude of true scale " + latitudeOfTrueScale
                    + " (must lie strictly between the poles), central meridian " + centralMeridian);
        }
        conformal = new ConformalLatitude(ellipsoid);
        ak0 = ellipsoid.semiMajorAxis() * conformal.parallelRadius(latitudeOfTrueScale);
    }

    @Override
    public Ellipsoid ellipsoid() {
        return ellipsoid;
    }

    public double latitudeOfTrueScale() {
        return latitudeOfTrueScale;
    }

    /** The x length of one turn round the equator (2 pi a k0): the map repeats after it. */
    public double xPeriod() {
        return 2 * Math.PI * ak0;
    }

    public double centralMeridian() {
        return centralMeridian;
    }

    @Override
    public String name() {
        return "Mercator";
    }

    @Override
    public void forward(double lon, double lat, double[] xy) {
        double psi = conformal.isometric(lat);
        double lambda = Math.toRadians(Longitudes.wrap(lon - centralMeridian));
        if (!Double.isFinite(psi) || Double.isNaN(lambda)) {
            xy[0] = Double.NaN;
            xy[1] = Double.NaN;
            return;
        }
        xy[0] = ak0 * lambda;
        xy[1] = ak0 * psi;
    }

    @Override
    public void inverse(double x, double y, double[] lonLat) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            lonLat[0] = Double.NaN;
            lonLat[1] = Double.NaN;
            return;
        }
        lonLat[0] = Longitudes.wrap(centralMeridian + Math.toDegrees(x / ak0));
        lonLat[1] = conformal.latitude(y / ak0);
    }

    @Override
    public String toProj() {
        return "+proj=merc +lat_ts=" + Num.format(latitudeOfTrueScale) + " +lon_0=" + Num.format(centralMeridian)
                + " +x_0=0 +y_0=0 " + ellipsoid.toProj() + " +no_defs";
    }

    @Override
    public String toWkt() {
        return new ProjcsWkt(name(), ellipsoid, "Mercator_2SP")
                .parameter("standard_parallel_1", latitudeOfTrueScale)
                .centralMeridian(centralMeridian)
                .endInMetres();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mercator p
                && p.ellipsoid.equals(ellipsoid)
                && Double.compare(p.latitudeOfTrueScale, latitudeOfTrueScale) == 0
                && Double.compare(p.centralMeridian, centralMeridian) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ellipsoid, latitudeOfTrueScale, centralMeridian);
    }

    @Override
    public String toString() {
        return "Mercator[ellipsoid=" + ellipsoid + ", latitudeOfTrueScale=" + latitudeOfTrueScale + ", centralMeridian="
                + centralMeridian + "]";
    }
}
