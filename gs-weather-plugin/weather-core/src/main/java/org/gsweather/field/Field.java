package org.gsweather.field;

import java.io.IOException;
import org.gsweather.grid.Grid;

/**
 * One two-dimensional field of a file: identified and georeferenced at once, decoded on demand.
 * Implementations are thread-safe; {@link #read()} may be called concurrently.
 */
public interface Field {

    FieldInfo info();

    /**
     * The field's georeferencing.
     *
     * @throws UnsupportedDataException when the file uses a grid this reader cannot georeference
     * @throws DataFormatException when the grid definition is malformed
     */
    Grid grid() throws DataFormatException;

    /**
     * True when vector components (u/v winds) are relative to the grid's x/y axes rather than to east
     * and north, so that they must be rotated before drawing.
     */
    boolean gridRelativeVectors();

    /**
     * Decodes the values: {@code values[j * nx + i]} for grid point {@code (i, j)} of {@link #grid()},
     * physical values in {@link Parameter#units()}, {@link Missing} (a NaN) where there is no data.
     * Each call decodes anew into a fresh array that the caller owns.
     *
     * @throws DataFormatException when the data are malformed or use an unsupported encoding
     * @throws IOException when the file cannot be read
     */
    float[] read() throws IOException;

    /**
     * {@link #read()} with the help of {@code pool}: the same values, bit for bit, decoded by up to
     * {@code pool.parallelism()} threads where the format and the field's size make it worthwhile (GRIB2);
     * formats without a parallel decoding read on the calling thread. A cache that shares decoded fields
     * among requests calls this once per field.
     */
    default float[] read(DecodePool pool) throws IOException {
        return read();
    }
}
