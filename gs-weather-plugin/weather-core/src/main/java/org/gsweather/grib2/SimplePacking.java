package org.gsweather.grib2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.gsweather.field.DataFormatException;

/** Template 5.0: grid point data, simple packing. */
record SimplePacking(Scaling scaling, int bits) implements DataRepresentation {
    /** Values decoded from one copy of their octets (a few kB, which stay in the first-level cache). */
    private static final int BLOCK = 4096;

    @Override
    public int template() {
        return 0;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        SampleValues values = SampleValues.of(scaling, bits, count, how.missingCodes());
        if (bits == 0) {
            Arrays.fill(out, 0, count, values.coded(scaling.constant()));
            return;
        }
        long needed = BitReader.bytesFor(count, bits);
        if (needed > data.remaining()) {
            throw new DataFormatException("section 7 holds " + data.remaining() + " octets but " + count + " values of "
                    + bits + " bits need " + needed);
        }
        // values are independent: each part decodes a range, a block at a time
        int parts = how.pool().parts(count);
        int perPart = (int) ((count + (long) parts - 1) / parts);
        how.pool().run(parts, p -> {
            int from = p * perPart;
            int to = (int) Math.min(count, (long) from + perPart);
            byte[] block = new byte[BLOCK * bits / 8 + 16];
            for (int start = from; start < to; start += BLOCK) {
                int n = Math.min(BLOCK, to - start);
                long bit = (long) start * bits;
                int first = (int) (bit >>> 3);
                int last = (int) ((bit + (long) n * bits + 7) >>> 3);
                data.get(first, block, 0, last - first);
                values.unpack(block, bit & 7, bits, n, out, start);
            }
        });
    }

    @Override
    public double halfStep() {
        return bits == 0 ? 0 : scaling.step() / 2;
    }

    @Override
    public String describe() {
        return "5.0 simple, " + bits + " bits";
    }

    static void checkBits(int bits, String template) throws DataFormatException {
        if (bits < 0 || bits > 32) {
            throw new DataFormatException(
                    "template " + template + ": " + bits + " bits per value is not supported (at most 32)");
        }
    }
}
