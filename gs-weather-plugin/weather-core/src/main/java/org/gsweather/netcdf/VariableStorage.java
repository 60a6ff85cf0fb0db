package org.gsweather.netcdf;

import java.io.IOException;

/** Where and how the values of a variable are stored: NetCDF-3 contiguous or record data, HDF5 layouts. */
interface VariableStorage {

    /**
     * Delivers the values of the hyperslab {@code [start, start + count)} to {@code sink} as runs of
     * consecutive elements, each placed at its row-major position in the hyperslab.
     *
     * @throws org.gsweather.field.DataFormatException when the stored data are corrupt, naming the file
     *     and variable
     */
    void read(long[] start, int[] count, ElementSink sink) throws IOException;
}
