package org.gsweather.netcdf;

import java.nio.ByteBuffer;

/** Receives stored elements of a variable, a run at a time; converts and places them. */
interface ElementSink {

    /**
     * {@code n} consecutive elements stored from byte {@code offset} of {@code source} (whose byte order
     * is the data's), for positions {@code destination .. destination + n - 1} of the hyperslab.
     */
    void accept(ByteBuffer source, int offset, int destination, int n);

    /** {@code n} positions from {@code destination} hold the fill value (storage never written). */
    void fill(int destination, int n);
}
