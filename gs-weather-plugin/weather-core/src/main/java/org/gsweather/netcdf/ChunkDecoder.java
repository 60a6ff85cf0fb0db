package org.gsweather.netcdf;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.PipelineFilterWithData;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Inflater;
import org.gsweather.field.DataFormatException;

/**
 * Decodes the chunks of one HDF5 dataset for one read. With the filters netCDF-4 writes (shuffle,
 * deflate, Fletcher-32, HDF5 filter ids 2, 1, 3, applied in that order on writing) it inflates jHDF's
 * raw chunk bytes itself, straight from the file mapping into one reused array, and unshuffles into a
 * second; any other pipeline is left to jHDF. Not thread-safe: one decoder per read.
 */
final class ChunkDecoder implements AutoCloseable {
    private static final int DEFLATE = 1;
    private static final int SHUFFLE = 2;
    private static final int FLETCHER32 = 3;

    private final ChunkedDataset dataset;
    private final int chunkBytes;
    private final int elementSize;
    private final String where;
    private final boolean ours;
    private final boolean deflate;
    private final boolean shuffle;
    private final boolean fletcher;
    private final byte[] inflated;
    private final byte[] unshuffled;
    private Inflater inflater;

    ChunkDecoder(ChunkedDataset dataset, int chunkBytes, int elementSize, String where) {
        this.dataset = dataset;
        this.chunkBytes = chunkBytes;
        this.elementSize = elementSize;
        this.where = where;
        List<PipelineFilterWithData> filters = dataset.getFilters();
        int[] ids = filters.stream().mapToInt(PipelineFilterWithData::getId).toArray();
        this.ours = isSubsequence(ids, new int[] {SHUFFLE, DEFLATE, FLETCHER32});
        this.deflate = contains(ids, DEFLATE);
        this.shuffle = contains(ids, SHUFFLE) && elementSize > 1;
        this.fletcher = contains(ids, FLETCHER32);
        this.inflated = ours ? new byte[chunkBytes] : null;
        this.unshuffled = ours && shuffle ? new byte[chunkBytes] : null;
    }

    private static boolean contains(int[] ids, int id) {
        return Arrays.stream(ids).anyMatch(i -> i == id);
    }

    private static boolean isSubsequence(int[] ids, int[] allowed) {
        int k = 0;
        for (int id : ids) {
            while (k < allowed.length && allowed[k] != id) {
                k++;
            }
            if (k == allowed.length) {
                return false;
            }
            k++;
        }
        return true;
    }

    /**
     * The decoded bytes of the chunk at element offset {@code origin}, or {@code null} when the chunk
     * was never written (its values are the fill value). The array is reused by the next call.
     */
    byte[] decode(int[] origin) throws DataFormatException {
        ByteBuffer raw;
        try {
            if (!ours) {
                byte[] b = dataset.getDecompressedChunk(origin);
                return checkLength(b, b.length, origin);
            }
            raw = dataset.getRawChunkBuffer(origin);
        } catch (HdfException e) {
            if (String.valueOf(e.getMessage()).startsWith("No chunk with offset")) {
                return null;
            }
            throw new DataFormatException(
                    where + ": chunk at " + Arrays.toString(origin) + " is unreadable: " + e.getMessage(), e);
        }
        if (fletcher) {
            if (raw.remaining() < 4) {
                throw corrupt(origin, "shorter than its Fletcher-32 checksum");
            }
            raw = raw.slice(raw.position(), raw.remaining() - 4);
        }
        byte[] plain;
        if (deflate) {
            inflate(raw, origin);
            plain = inflated;
        } else {
            if (raw.remaining() != chunkBytes) {
                throw corrupt(origin, "holds " + raw.remaining() + " bytes instead of " + chunkBytes);
            }
            raw.get(inflated, 0, chunkBytes);
            plain = inflated;
        }
        if (!shuffle) {
            return plain;
        }
        int elements = chunkBytes / elementSize;
        for (int b = 0, p = 0; b < elementSize; b++) {
            for (int e = 0, q = b; e < elements; e++, q += elementSize) {
                unshuffled[q] = plain[p++];
            }
        }
        return unshuffled;
    }

    private void inflate(ByteBuffer raw, int[] origin) throws DataFormatException {
        if (inflater == null) {
            inflater = new Inflater();
        } else {
            inflater.reset();
        }
        inflater.setInput(raw);
        int got = 0;
        try {
            while (got < chunkBytes) {
                int k = inflater.inflate(inflated, got, chunkBytes - got);
                if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                got += k;
            }
        } catch (java.util.zip.DataFormatException e) {
            throw corrupt(origin, "corrupt deflate stream (" + e.getMessage() + ")");
        }
        if (got != chunkBytes) {
            throw corrupt(origin, "inflates to " + got + " bytes instead of " + chunkBytes);
        }
    }

    private byte[] checkLength(byte[] b, int length, int[] origin) throws DataFormatException {
        if (length < chunkBytes) {
            throw corrupt(origin, "decodes to " + length + " bytes instead of " + chunkBytes);
        }
        return b;
    }

    private DataFormatException corrupt(int[] origin, String what) {
        return new DataFormatException(where + ": chunk at " + Arrays.toString(origin) + " " + what);
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
