package org.gsweather.grib2;

import java.nio.ByteBuffer;
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

    @Override
    public int template() {
        return 42;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out) throws DataFormatException {
        throw new UnsupportedDataException("template 5.42 not yet");
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
