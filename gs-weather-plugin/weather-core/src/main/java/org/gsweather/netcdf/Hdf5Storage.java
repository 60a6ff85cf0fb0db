package org.gsweather.netcdf;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.OrderedDataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.gsweather.field.DataFormatException;

/**
 * Values of a NetCDF-4 variable (an HDF5 dataset). Contiguous and compact data are read from jHDF's
 * mapped buffer; chunked data chunk by chunk, only the chunks the hyperslab touches, each decoded by
 * {@link ChunkDecoder} (our own inflate and unshuffle on jHDF's raw chunk bytes) or, for other filters,
 * by jHDF's filter pipeline.
 */
final class Hdf5Storage implements VariableStorage {
    private final Dataset dataset;
    private final NcType type;
    private final String name;
    private final String where;
    private final long[] shape;
    private final ByteOrder order;

    Hdf5Storage(Dataset dataset, NcType type, String name, String where) {
        this.dataset = dataset;
        this.type = type;
        this.name = name;
        this.where = where;
        this.shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
        DataType t = dataset.getDataType();
        this.order = t instanceof OrderedDataType o ? o.getByteOrder() : ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public void read(long[] start, int[] count, ElementSink sink) throws IOException {
        Hyperslab.check(name, shape, start, count);
        if (!type.numeric) {
            throw new DataFormatException(where + "variable " + name + " holds strings, not numbers");
        }
        try {
            if (dataset instanceof ChunkedDataset chunked) {
                readChunked(chunked, start, count, sink);
            } else if (dataset.isEmpty()) {
                sink.fill(0, total(count));
            } else {
                ByteBuffer data = ((DatasetBase) dataset).getDataBuffer().order(order);
                Hyperslab.forEachRun(
                        shape,
                        start,
                        count,
                        0,
                        (source, destination, n) ->
                                sink.accept(data, Math.toIntExact(source * type.size), destination, n));
            }
        } catch (HdfException | IndexOutOfBoundsException e) {
            throw new DataFormatException(where + "variable " + name + ": unreadable data: " + e.getMessage(), e);
        }
    }

    private static int total(int[] count) {
        long n = 1;
        for (int c : count) {
            n *= c;
        }
        return Math.toIntExact(n);
    }

    private void readChunked(ChunkedDataset chunked, long[] start, int[] count, ElementSink sink) throws IOException {
        int rank = shape.length;
        if (total(count) == 0) {
            return;
        }
        int[] chunk = chunked.getChunkDimensions();
        long[] chunkStride = new long[rank];
        long[] countStride = new long[rank];
        long cs = 1;
        long os = 1;
        for (int d = rank - 1; d >= 0; d--) {
            chunkStride[d] = cs;
            countStride[d] = os;
            cs *= chunk[d];
            os *= count[d];
        }
        int chunkBytes = Math.toIntExact(cs * type.size);
        long[] first = new long[rank];
        long[] last = new long[rank];
        for (int d = 0; d < rank; d++) {
            first[d] = start[d] / chunk[d];
            last[d] = (start[d] + count[d] - 1) / chunk[d];
        }
        try (ChunkDecoder decoder = new ChunkDecoder(chunked, chunkBytes, type.size, where + "variable " + name)) {
            long[] at = first.clone();
            int[] origin = new int[rank];
            long[] lo = new long[rank];
            long[] hi = new long[rank];
            long[] index = new long[rank];
            while (true) {
                for (int d = 0; d < rank; d++) {
                    origin[d] = Math.toIntExact(at[d] * chunk[d]);
                    lo[d] = Math.max(start[d], origin[d]);
                    hi[d] = Math.min(start[d] + count[d], (long) origin[d] + chunk[d]);
                }
                byte[] bytes = decoder.decode(origin);
                ByteBuffer buffer = bytes != null ? ByteBuffer.wrap(bytes).order(order) : null;
                copy(buffer, origin, lo, hi, index, chunkStride, countStride, start, sink);
                int d = rank - 1;
                while (d >= 0 && ++at[d] > last[d]) {
                    at[d] = first[d];
                    d--;
                }
                if (d < 0) {
                    return;
                }
            }
        }
    }

    /** Copies the part {@code [lo, hi)} of one decoded chunk into the hyperslab, a row at a time. */
    private void copy(
            ByteBuffer buffer,
            int[] origin,
            long[] lo,
            long[] hi,
            long[] index,
            long[] chunkStride,
            long[] countStride,
            long[] start,
            ElementSink sink) {
        int rank = lo.length;
        int n = (int) (hi[rank - 1] - lo[rank - 1]);
        System.arraycopy(lo, 0, index, 0, rank);
        while (true) {
            long source = 0;
            long destination = 0;
            for (int d = 0; d < rank; d++) {
                source += (index[d] - origin[d]) * chunkStride[d];
                destination += (index[d] - start[d]) * countStride[d];
            }
            if (buffer != null) {
                sink.accept(buffer, (int) source * type.size, (int) destination, n);
            } else {
                sink.fill((int) destination, n);
            }
            int d = rank - 2;
            while (d >= 0 && ++index[d] == hi[d]) {
                index[d] = lo[d];
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape) + " " + dataset.getDataLayout();
    }
}
