package org.gsweather.grib2;

/**
 * Maps between the order a file stores values (flag table 3.4: columns consecutive, or alternate rows
 * reversed) and the row order of {@link org.gsweather.grid.Grid}.
 */
final class ScanOrder {
    private ScanOrder() {}

    /** Grid index {@code (i, j)} of the {@code s}-th stored value, written to {@code ij}. */
    static void gridIndexOf(long s, int nx, int ny, int scanningMode, int[] ij) {
        boolean columns = (scanningMode & GridDefinition.SCAN_J_CONSECUTIVE) != 0;
        boolean alternate = (scanningMode & GridDefinition.SCAN_BOUSTROPHEDON) != 0;
        int along = columns ? ny : nx;
        int line = (int) (s / along);
        int k = (int) (s % along);
        int a = alternate && (line & 1) == 1 ? along - 1 - k : k;
        ij[0] = columns ? line : a;
        ij[1] = columns ? a : line;
    }

    /** Stored order to rows; {@code nx} points per row, {@code ny} rows. */
    static float[] toRows(float[] stored, int nx, int ny, int scanningMode) {
        float[] rows = new float[stored.length];
        int[] ij = new int[2];
        for (int s = 0; s < stored.length; s++) {
            gridIndexOf(s, nx, ny, scanningMode, ij);
            rows[ij[1] * nx + ij[0]] = stored[s];
        }
        return rows;
    }
}
