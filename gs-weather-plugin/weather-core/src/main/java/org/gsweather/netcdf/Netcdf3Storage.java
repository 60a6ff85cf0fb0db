package org.gsweather.netcdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.gsweather.io.MappedFile;

/**
 * Values of a NetCDF-3 variable: big-endian, contiguous from {@code begin}, or for record variables one
 * slab per record every {@code recordSize} bytes.
 */
final class Netcdf3Storage implements VariableStorage {
    private final MappedFile file;
    private final String name;
    private final NcType type;
    private final long[] shape;
    private final long begin;
    private final long recordSize;
    private final long recordElements;

    Netcdf3Storage(MappedFile file, String name, NcType type, long[] shape, long begin, long recordSize) {
        this.file = file;
        this.name = name;
        this.type = type;
        this.shape = shape;
        this.begin = begin;
        this.recordSize = recordSize;
        long n = 1;
        for (int d = 1; d < shape.length; d++) {
            n *= shape[d];
        }
        this.recordElements = n;
    }

    @Override
    public void read(long[] start, int[] count, ElementSink sink) throws IOException {
        Hyperslab.check(name, shape, start, count);
        long first = 0;
        long last = 0;
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (count[d] == 0) {
                return;
            }
            first += start[d] * stride;
            last += (start[d] + count[d] - 1) * stride;
            stride *= shape[d];
        }
        // One mapping for the whole hyperslab (files above 1 GiB are mapped per request).
        long low = offset(first);
        ByteBuffer span = file.region(low, offset(last) + type.size - low);
        boolean record = recordSize > 0;
        Hyperslab.forEachRun(
                shape,
                start,
                count,
                record ? 1 : 0,
                (source, destination, n) -> sink.accept(span, (int) (offset(source) - low), destination, n));
    }

    private long offset(long element) {
        if (recordSize > 0) {
            return begin + element / recordElements * recordSize + element % recordElements * type.size;
        }
        return begin + element * type.size;
    }
}
