package org.gsweather.grid;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Latitudes of a global Gaussian grid: the roots of the Legendre polynomial of degree {@code 2N},
 * north to south, in degrees. Computed by Newton iteration to full double precision and cached.
 */
public final class GaussianLatitudes {
    private static final ConcurrentHashMap<Integer, double[]> CACHE = new ConcurrentHashMap<>();

    private GaussianLatitudes() {}

    /**
     * @param n number of parallels between a pole and the equator (GRIB2 template 3.40 octets 68-71)
     * @return the {@code 2n} latitudes, north to south (a copy)
     */
    public static double[] of(int n) {
        if (n <= 0 || n > 100_000) {
            throw new IllegalArgumentException("invalid number of Gaussian parallels between pole and equator: " + n);
        }
        return CACHE.computeIfAbsent(n, GaussianLatitudes::compute).clone();
    }

    private static double[] compute(int n) {
        int degree = 2 * n;
        double[] lats = new double[degree];
        for (int k = 0; k < n; k++) {
            // Initial guess (Tricomi), then Newton on P_degree(x).
            double x = Math.cos(Math.PI * (k + 0.75) / (degree + 0.5));
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = x;
                for (int m = 2; m <= degree; m++) {
                    double p2 = ((2 * m - 1) * x * p1 - (m - 1) * p0) / m;
                    p0 = p1;
                    p1 = p2;
                }
                double derivative = degree * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / derivative;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            double lat = Math.toDegrees(Math.asin(x));
            lats[k] = lat;
            lats[degree - 1 - k] = -lat;
        }
        return lats;
    }
}
