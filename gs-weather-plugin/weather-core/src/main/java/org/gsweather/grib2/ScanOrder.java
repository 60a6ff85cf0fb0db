package org.gsweather.grib2;

/**
 * Reorders values between the order a file stores them (flag table 3.4: columns consecutive, or
 * alternate rows reversed) and the row order of {@link org.gsweather.grid.Grid}.
 */
final class ScanOrder {
    private ScanOrder() {}

    /** Stored order to rows; {@code nx} points per row, {@code ny} rows. */
    static float[] toRows(float[] stored, int nx, int ny, int scanningMode) {
        float[] rows = new float[nx * ny];
        boolean columns = (scanningMode & GridDefinition.SCAN_J_CONSECUTIVE) != 0;
        boolean alternate = (scanningMode & GridDefinition.SCAN_BOUSTROPHEDON) != 0;
        int lines = columns ? nx : ny;
        int along = columns ? ny : nx;
        for (int line = 0; line < lines; line++) {
            boolean reversed = alternate && (line & 1) == 1;
            for (int k = 0; k < along; k++) {
                int a = reversed ? along - 1 - k : k;
                int i = columns ? line : a;
                int j = columns ? a : line;
                rows[j * nx + i] = stored[line * along + k];
            }
        }
        return rows;
    }

    /** Rows back to the stored order (for writing values as the file holds them). */
    static float[] toStored(float[] rows, int nx, int ny, int scanningMode) {
        float[] stored = new float[nx * ny];
        boolean columns = (scanningMode & GridDefinition.SCAN_J_CONSECUTIVE) != 0;
        boolean alternate = (scanningMode & GridDefinition.SCAN_BOUSTROPHEDON) != 0;
        int lines = columns ? nx : ny;
        int along = columns ? ny : nx;
        for (int line = 0; line < lines; line++) {
            boolean reversed = alternate && (line & 1) == 1;
            for (int k = 0; k < along; k++) {
                int a = reversed ? along - 1 - k : k;
                int i = columns ? line : a;
                int j = columns ? a : line;
                stored[line * along + k] = rows[j * nx + i];
            }
        }
        return stored;
    }
}
