package org.gsweather.grib2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.gsweather.codec.aec.AecDecoder;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;

/**
 * Template 5.42: grid point data, CCSDS recommended lossless compression (CCSDS 121.0-B, adaptive
 * entropy coding as libaec implements it).
 *
 * @param flags CCSDS compression options mask (octet 22; libaec flag bits)
 * @param blockSize block size J (octet 23)
 * @param referenceSampleInterval reference sample interval r, in blocks (octets 24-25)
 */
record CcsdsPacking(Scaling scaling, int bits, int flags, int blockSize, int referenceSampleInterval)
        implements DataRepresentation {
    /** Samples decoded at a time, then scaled while they are still in cache. */
    private static final int CHUNK = 8192;

    @Override
    public int template() {
        return 42;
    }

    /**
     * Decodes on the calling thread whatever the pool: an AEC stream can only be decoded from its start
     * (GRIB2's streams do not pad reference sample intervals to octets, so none can be found without
     * decoding those before it).
     */
    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        SampleValues values = SampleValues.of(scaling, bits, count, how.missingCodes());
        if (bits == 0) {
            Arrays.fill(out, 0, count, values.coded(scaling.constant()));
            return;
        }
        SimplePacking.checkBits(bits, "5.42");
        if ((flags & AecDecoder.SIGNED) != 0) {
            throw new UnsupportedDataException("template 5.42: CCSDS flags " + flags
                    + " mark the samples as signed, but GRIB2 packs unsigned values");
        }
        AecDecoder decoder = new AecDecoder(bits, flags, blockSize, referenceSampleInterval, data, count);
        int[] x = new int[Math.min(count, CHUNK)];
        for (int start = 0; start < count; start += x.length) {
            int n = Math.min(x.length, count - start);
            decoder.read(x, 0, n);
            values.apply(x, n, out, start);
        }
    }

    @Override
    public double halfStep() {
        return bits == 0 ? 0 : scaling.step() / 2;
    }

    @Override
    public String describe() {
        return "5.42 CCSDS, " + bits + " bits";
    }
}
