package org.gsweather.grid;

/**
 * Isometric latitude ψ of an ellipsoid and its inverse: the common core of the conformal projections
 * (Mercator, Lambert conformal conic, polar stereographic). Snyder's {@code t} (eq. 15-9) is
 * {@code exp(-ψ)}, Mercator's {@code y / (a k0)} is ψ (eq. 7-7).
 *
 * <p>Snyder, "Map Projections: A Working Manual" (USGS PP 1395, 1987). The inverse solves for
 * {@code tan φ} by Newton's method as in Karney, "Transverse Mercator with an accuracy of a few
 * nanometers" (J. Geodesy 85, 2011), section 2, instead of Snyder's fixed point (7-9).
 */
final class ConformalLatitude {
    /** Beyond this |ψ| the latitude is ±90° to double precision. */
    private static final double PSI_AT_POLE = 40;

    private final double e;
    private final double oneMinusE2;

    ConformalLatitude(Ellipsoid ellipsoid) {
        this.e = ellipsoid.e();
        this.oneMinusE2 = 1 - ellipsoid.e2();
    }

    /**
     * ψ = asinh(tan φ) - e·atanh(e·sin φ) of a latitude in degrees; ±∞ at the poles, NaN beyond them.
     * The spherical part is computed from the colatitude, which keeps it exact near the poles.
     */
    double isometric(double latitude) {
        double abs = Math.abs(latitude);
        double psi = -Math.log(Math.tan(Math.toRadians((90.0 - abs) * 0.5)));
        if (e != 0) {
            psi -= e * atanh(e * Math.sin(Math.toRadians(abs)));
        }
        return Math.copySign(psi, latitude);
    }

    /** Latitude in degrees of an isometric latitude (the inverse of {@link #isometric}). */
    double latitude(double psi) {
        if (Math.abs(psi) > PSI_AT_POLE) {
            return Math.copySign(90.0, psi);
        }
        double tauPrime = Math.sinh(psi);
        if (e == 0) {
            return Math.toDegrees(Math.atan(tauPrime));
        }
        double tau = tauPrime / oneMinusE2;
        for (int i = 0; i < 8; i++) {
            double secPhi = Math.sqrt(1 + tau * tau);
            double sigma = Math.sinh(e * atanh(e * tau / secPhi));
            double tauPrimeI = tau * Math.sqrt(1 + sigma * sigma) - sigma * secPhi;
            double step = (tauPrime - tauPrimeI)
                    * (1 + oneMinusE2 * tau * tau)
                    / (oneMinusE2 * secPhi * Math.sqrt(1 + tauPrimeI * tauPrimeI));
            tau += step;
            // From tau'/(1 - e²) Newton lands within 1e-14° in one step for every Earth ellipsoid
            // (e < 0.1, first step < 2e-5 relative); larger eccentricities take further steps.
            if (Math.abs(step) <= 2e-5 * Math.max(1, Math.abs(tau))) {
                break;
            }
        }
        return Math.toDegrees(Math.atan(tau));
    }

    /** m = cos φ / sqrt(1 - e² sin² φ): radius of the parallel in units of the semi-major axis (Snyder 14-15). */
    double parallelRadius(double latitude) {
        double phi = Math.toRadians(latitude);
        double esin = e * Math.sin(phi);
        return Math.cos(phi) / Math.sqrt(1 - esin * esin);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }
}
