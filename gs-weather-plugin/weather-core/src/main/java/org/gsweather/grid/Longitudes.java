package org.gsweather.grid;

/** Column arithmetic of grids whose x axis is a longitude. */
final class Longitudes {
    private Longitudes() {}

    /** Whether {@code nx} columns of increment {@code dx} degrees go round the whole circle. */
    static boolean coversCircle(int nx, double dx) {
        return nx * Math.abs(dx) >= 360.0 - 0.5 * Math.abs(dx);
    }

    /**
     * Picks, among the columns {@code i + k * period} that denote the same longitude, the one in
     * {@code [0, period)} for a grid round the globe, else the one nearest the middle of the grid.
     */
    static double normalizeColumn(double i, int nx, double period, boolean wraps) {
        if (wraps) {
            double r = i - period * Math.floor(i / period);
            return r >= period ? 0 : r;
        }
        double centre = (nx - 1) * 0.5;
        return i - period * Math.floor((i - centre) / period + 0.5);
    }

    /** The same longitude (or longitude difference) in [-180, 180] degrees; ±180 are kept as given. */
    static double wrap(double degrees) {
        return degrees - 360.0 * Math.rint(degrees / 360.0);
    }
}
