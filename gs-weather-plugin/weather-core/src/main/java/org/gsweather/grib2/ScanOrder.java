package org.gsweather.grib2;

import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;

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

    /**
     * Stored order to rows; {@code nx} points per row, {@code ny} rows, in parts with the help of {@code
     * pool}. Rows stored with every second one reversed are put right in place ({@code stored} is
     * returned); columns are transposed into a new array.
     */
    static float[] toRows(float[] stored, int nx, int ny, int scanningMode, DecodePool pool)
            throws DataFormatException {
        boolean columns = (scanningMode & GridDefinition.SCAN_J_CONSECUTIVE) != 0;
        boolean alternate = (scanningMode & GridDefinition.SCAN_BOUSTROPHEDON) != 0;
        int lines = columns ? nx : ny;
        int along = columns ? ny : nx;
        int parts = Math.min(lines, pool.parts(stored.length));
        if (!columns) {
            if (alternate) {
                pool.run(parts, p -> {
                    for (int line = from(p, parts, lines) | 1; line < from(p + 1, parts, lines); line += 2) {
                        reverse(stored, line * along, along);
                    }
                });
            }
            return stored;
        }
        float[] rows = new float[stored.length];
        pool.run(parts, p -> {
            for (int i = from(p, parts, lines); i < from(p + 1, parts, lines); i++) {
                int base = i * along;
                if (alternate && (i & 1) == 1) {
                    for (int k = 0; k < along; k++) {
                        rows[(along - 1 - k) * nx + i] = stored[base + k];
                    }
                } else {
                    for (int k = 0; k < along; k++) {
                        rows[k * nx + i] = stored[base + k];
                    }
                }
            }
        });
        return rows;
    }

    private static int from(int part, int parts, int lines) {
        return (int) ((long) lines * part / parts);
    }

    private static void reverse(float[] a, int from, int length) {
        for (int i = from, j = from + length - 1; i < j; i++, j--) {
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
