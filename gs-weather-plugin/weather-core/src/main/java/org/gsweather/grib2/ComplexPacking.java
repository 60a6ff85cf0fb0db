package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;

/**
 * Templates 5.2 (complex packing) and 5.3 (complex packing and spatial differencing), per the WMO
 * Manual on Codes, regulation 92.9.4 and notes to templates 5.2/5.3 and 7.2/7.3.
 *
 * @param bits bits of each group reference value (octet 20)
 * @param missingManagement 0 none, 1 primary, 2 primary and secondary missing values (code table 5.5)
 * @param groups number of groups NG
 * @param widthReference reference for group widths
 * @param widthBits bits used for the group widths
 * @param lengthReference reference for group lengths
 * @param lengthIncrement length increment for the group lengths
 * @param lastLength true length of the last group
 * @param lengthBits bits used for the scaled group lengths
 * @param order order of spatial differencing (0 for template 5.2)
 * @param extraOctets octets of each extra descriptor of section 7 (template 5.3)
 */
record ComplexPacking(
        Scaling scaling,
        int bits,
        int missingManagement,
        int groups,
        int widthReference,
        int widthBits,
        long lengthReference,
        int lengthIncrement,
        long lastLength,
        int lengthBits,
        int order,
        int extraOctets)
        implements DataRepresentation {

    @Override
    public int template() {
        return order == 0 && extraOctets == 0 ? 2 : 3;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out, Unpacking how) throws DataFormatException {
        if (groups <= 0 || groups > count) {
            throw new DataFormatException(describe() + ": " + groups + " groups for " + count + " values");
        }
        int length = data.remaining();
        byte[] a = BitReader.padded(data, 0, length);
        long bitLimit = 8L * length;

        int pos = 0;
        long ival1 = 0;
        long ival2 = 0;
        long minimum = 0;
        if (template() == 3) {
            if (order < 1 || order > 2) {
                throw new DataFormatException(
                        describe() + ": order of spatial differencing " + order + " is not defined (1 or 2)");
            }
            if (extraOctets < 1 || extraOctets > 4) {
                throw new DataFormatException(describe() + ": " + extraOctets + " octets per extra descriptor");
            }
            ival1 = Octets.sn(data, 0, extraOctets);
            pos += extraOctets;
            if (order == 2) {
                ival2 = Octets.sn(data, pos, extraOctets);
                pos += extraOctets;
            }
            minimum = Octets.sn(data, pos, extraOctets);
            pos += extraOctets;
        }

        int[] refs = new int[groups];
        int[] widths = new int[groups];
        int[] lengths = new int[groups];
        long bitPos = 8L * pos;
        bitPos = readGroupField(a, bitPos, bits, refs, bitLimit, "reference values");
        bitPos = readGroupField(a, bitPos, widthBits, widths, bitLimit, "widths");
        bitPos = readGroupField(a, bitPos, lengthBits, lengths, bitLimit, "lengths");

        long total = 0;
        for (int g = 0; g < groups; g++) {
            widths[g] += widthReference;
            if (widths[g] < 0 || widths[g] > 32) {
                throw new DataFormatException(
                        describe() + ": group " + (g + 1) + " has width " + widths[g] + " bits (at most 32)");
            }
            long len = g == groups - 1 ? lastLength : lengthReference + (long) lengths[g] * lengthIncrement;
            if (len < 0 || len > count) {
                throw new DataFormatException(describe() + ": group " + (g + 1) + " has length " + len);
            }
            lengths[g] = (int) len;
            total += len;
            bitPos += len * widths[g];
        }
        if (total != count) {
            throw new DataFormatException(
                    describe() + ": group lengths add up to " + total + " values, section 5 announces " + count);
        }
        if (bitPos > bitLimit) {
            throw new DataFormatException(
                    describe() + ": packed values need " + ((bitPos + 7) / 8) + " octets, section 7 holds " + length);
        }
        new PackedGroups(
                        a,
                        count,
                        refs,
                        widths,
                        lengths,
                        8L * alignedStart(pos, groups),
                        bits,
                        order,
                        missingManagement,
                        ival1,
                        ival2,
                        minimum,
                        scaling)
                .decode(out, how.pool(), how.missingCodes());
    }

    /** Bit position where the packed values start, after the three octet-aligned group tables. */
    private long alignedStart(int pos, int groups) {
        long p = pos;
        p += BitReader.bytesFor(groups, bits);
        p += BitReader.bytesFor(groups, widthBits);
        p += BitReader.bytesFor(groups, lengthBits);
        return p;
    }

    private long readGroupField(byte[] a, long bitPos, int width, int[] out, long bitLimit, String what)
            throws DataFormatException {
        if (width < 0 || width > 32) {
            throw new DataFormatException(describe() + ": group " + what + " use " + width + " bits (at most 32)");
        }
        long end = bitPos + (long) groups * width;
        if (end > bitLimit) {
            throw new DataFormatException(describe() + ": group " + what + " run past the end of section 7");
        }
        BitReader.readAll(a, bitPos, width, groups, out, 0);
        return (end + 7) & ~7L;
    }

    @Override
    public double halfStep() {
        return scaling.step() / 2;
    }

    @Override
    public String describe() {
        String base = template() == 2 ? "5.2 complex" : "5.3 complex+spatial diff. order " + order;
        return base + (missingManagement > 0 ? ", missing mgmt " + missingManagement : "");
    }
}
