package org.gsweather.netcdf;

import java.io.IOException;

/** Walks a hyperslab of a row-major array as runs of consecutive elements. */
final class Hyperslab {
    private Hyperslab() {}

    interface RunVisitor {
        /** {@code n} elements from linear element {@code source} of the array, for hyperslab position {@code destination}. */
        void run(long source, int destination, int n) throws IOException;
    }

    /** Checks that the hyperslab lies inside {@code shape}, naming the variable when it does not. */
    static void check(String variable, long[] shape, long[] start, int[] count) {
        if (start.length != shape.length || count.length != shape.length) {
            throw new IllegalArgumentException(
                    variable + ": hyperslab of rank " + start.length + " for a variable of rank " + shape.length);
        }
        for (int d = 0; d < shape.length; d++) {
            if (start[d] < 0 || count[d] < 0 || start[d] + count[d] > shape[d]) {
                throw new IllegalArgumentException(variable + ": index range [" + start[d] + ", "
                        + (start[d] + count[d]) + ") outside dimension " + d + " of length " + shape[d]);
            }
        }
    }

    /**
     * Visits the runs; runs never cross dimension {@code firstSplit - 1} (pass 1 to keep each record of
     * a NetCDF-3 record variable separate, 0 otherwise).
     */
    static void forEachRun(long[] shape, long[] start, int[] count, int firstSplit, RunVisitor visitor)
            throws IOException {
        int rank = shape.length;
        long total = 1;
        for (int c : count) {
            total *= c;
        }
        if (total == 0) {
            return;
        }
        if (rank == 0) {
            visitor.run(0, 0, 1);
            return;
        }
        // Dimensions m+1.. are read whole, so a run covers count[m] * (their product) elements.
        int m = rank - 1;
        while (m > firstSplit && count[m] == shape[m]) {
            m--;
        }
        long inner = 1;
        for (int d = m + 1; d < rank; d++) {
            inner *= shape[d];
        }
        int runLength = Math.toIntExact(count[m] * inner);
        long[] stride = new long[rank];
        stride[rank - 1] = 1;
        for (int d = rank - 2; d >= 0; d--) {
            stride[d] = stride[d + 1] * shape[d + 1];
        }
        int[] index = new int[m];
        int destination = 0;
        while (true) {
            long source = start[m] * stride[m];
            for (int d = 0; d < m; d++) {
                source += (start[d] + index[d]) * stride[d];
            }
            visitor.run(source, destination, runLength);
            destination += runLength;
            int d = m - 1;
            while (d >= 0 && ++index[d] == count[d]) {
                index[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }
}
