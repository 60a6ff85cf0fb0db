package org.gsweather.grid;

import java.util.Arrays;

/**
 * Regular Gaussian grid (GRIB2 template 3.40): equally spaced longitudes, latitudes at the roots of a
 * Legendre polynomial. Between rows, the fractional row index is linear in latitude.
 *
 * @param lon0 longitude of the first column, degrees
 * @param dlon longitude increment, degrees (negative when scanning westwards)
 * @param latitudes latitude of each row in scan order, degrees (strictly monotonic)
 */
public record GaussianGrid(Ellipsoid ellipsoid, int nx, double lon0, double dlon, double[] latitudes) implements Grid {

    public GaussianGrid {
        if (nx <= 0 || latitudes.length == 0) {
            throw new IllegalArgumentException("grid size must be positive: " + nx + "x" + latitudes.length);
        }
        latitudes = latitudes.clone();
    }

    @Override
    public int ny() {
        return latitudes.length;
    }

    @Override
    public Projection projection() {
        return new Geographic(ellipsoid);
    }

    @Override
    public void lonLat(double i, double j, double[] lonLat) {
        lonLat[0] = lon0 + i * dlon;
        lonLat[1] = latitudeAt(j);
    }

    @Override
    public void index(double lon, double lat, double[] ij) {
        double i = (lon - lon0) / dlon;
        ij[0] = Longitudes.normalizeColumn(i, nx, 360.0 / Math.abs(dlon), wrapsLongitude());
        ij[1] = rowOf(lat);
    }

    @Override
    public boolean wrapsLongitude() {
        return Longitudes.coversCircle(nx, dlon);
    }

    @Override
    public String describe() {
        return "Gaussian " + nx + "x" + latitudes.length;
    }

    @Override
    public double[] latitudes() {
        return latitudes.clone();
    }

    private double latitudeAt(double j) {
        int n = latitudes.length;
        if (n == 1) {
            return latitudes[0];
        }
        int k = (int) Math.floor(j);
        k = Math.max(0, Math.min(n - 2, k));
        return latitudes[k] + (j - k) * (latitudes[k + 1] - latitudes[k]);
    }

    private double rowOf(double lat) {
        int n = latitudes.length;
        if (n == 1) {
            return lat == latitudes[0] ? 0 : Double.NaN;
        }
        boolean descending = latitudes[0] > latitudes[n - 1];
        int k;
        if (descending) {
            k = lowerIndexDescending(lat);
        } else {
            int p = Arrays.binarySearch(latitudes, lat);
            k = p >= 0 ? p : -p - 2;
        }
        k = Math.max(0, Math.min(n - 2, k));
        return k + (lat - latitudes[k]) / (latitudes[k + 1] - latitudes[k]);
    }

    /** Largest k with latitudes[k] >= lat, for descending latitudes. */
    private int lowerIndexDescending(double lat) {
        int lo = 0;
        int hi = latitudes.length - 1;
        if (lat > latitudes[0]) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (latitudes[mid] >= lat) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianGrid g
                && g.nx == nx
                && g.lon0 == lon0
                && g.dlon == dlon
                && g.ellipsoid.equals(ellipsoid)
                && Arrays.equals(g.latitudes, latitudes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(latitudes) + Double.hashCode(lon0) + nx;
    }

    @Override
    public String toString() {
        return describe() + " lon0=" + lon0 + " dlon=" + dlon;
    }
}
