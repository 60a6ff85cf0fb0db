package org.gsweather.loadtest.tiles;

/** An inclusive range of tile columns and rows in one tile matrix. */
public record TileRange(long minCol, long minRow, long maxCol, long maxRow) {

    public TileRange {
        if (minCol > maxCol || minRow > maxRow) {
            throw new IllegalArgumentException(
                    "empty tile range: cols " + minCol + ".." + maxCol + ", rows " + minRow + ".." + maxRow);
        }
    }

    public long width() {
        return maxCol - minCol + 1;
    }

    public long height() {
        return maxRow - minRow + 1;
    }

    public long count() {
        return width() * height();
    }

    public boolean contains(long col, long row) {
        return col >= minCol && col <= maxCol && row >= minRow && row <= maxRow;
    }

    /** The overlap of two ranges, or null when they do not overlap. */
    public TileRange intersection(TileRange o) {
        long c0 = Math.max(minCol, o.minCol);
        long r0 = Math.max(minRow, o.minRow);
        long c1 = Math.min(maxCol, o.maxCol);
        long r1 = Math.min(maxRow, o.maxRow);
        return c0 <= c1 && r0 <= r1 ? new TileRange(c0, r0, c1, r1) : null;
    }
}
