package org.gsweather.grib2;

import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.grid.Grid;

/**
 * Section 3 of a field: the grid, how its points are ordered in the data, and whether vector
 * components are relative to the grid.
 *
 * @param template grid definition template number (code table 3.1)
 * @param points number of data points (octets 7-10)
 * @param grid the georeferencing, {@code null} when {@code unsupported} says why not
 * @param scanningMode flag table 3.4 (0 when the template has none)
 * @param gridRelativeVectors resolution and component flag bit 5 (flag table 3.3)
 * @param problem why this grid cannot be georeferenced, or {@code null}
 * @param malformed whether {@code problem} is an error in the file rather than a feature not supported
 */
record GridDefinition(
        int template,
        long points,
        Grid grid,
        int scanningMode,
        boolean gridRelativeVectors,
        String problem,
        boolean malformed) {

    static final int SCAN_MINUS_I = 0x80;
    static final int SCAN_PLUS_J = 0x40;
    static final int SCAN_J_CONSECUTIVE = 0x20;
    static final int SCAN_BOUSTROPHEDON = 0x10;

    static GridDefinition unsupported(int template, long points, String why) {
        return new GridDefinition(template, points, null, 0, false, why, false);
    }

    static GridDefinition failed(int template, long points, DataFormatException e) {
        return new GridDefinition(
                template, points, null, 0, false, e.getMessage(), !(e instanceof UnsupportedDataException));
    }

    Grid requireGrid(String where) throws DataFormatException {
        if (grid == null) {
            throw malformed
                    ? new DataFormatException(where + ": " + problem)
                    : new UnsupportedDataException(where + ": " + problem);
        }
        return grid;
    }

    /** Whether stored values must be reordered into rows ({@link Grid} order). */
    boolean needsReorder() {
        return (scanningMode & (SCAN_J_CONSECUTIVE | SCAN_BOUSTROPHEDON)) != 0;
    }

    String describe() {
        String size = grid != null ? grid.nx() + "x" + grid.ny() : points + " points (" + problem + ")";
        return "3." + template + " " + Grib2Tables.gridTemplateName(template) + " " + size;
    }
}
