package org.gsweather.grib2;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.Missing;

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
        decode(data, count, out);
        MissingCodes.apply(out, count, how.missingCodes());
    }

    private void decode(ByteBuffer data, int count, float[] out) throws DataFormatException {
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

        int[] x = new int[count];
        boolean anyMissing = unpackGroups(a, 8L * alignedStart(pos, groups), refs, widths, lengths, x, out);
        int valid = count;
        if (anyMissing) {
            valid = compactValid(x, out, count);
        }
        if (order > 0) {
            integrate(x, valid, ival1, ival2, minimum);
        }
        if (anyMissing) {
            expand(x, valid, out, count);
        } else {
            scaling.apply(x, count, out);
        }
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

    /**
     * Unpacks the groups into {@code x} (reference plus packed value); positions holding a missing value
     * code get a {@link Missing} NaN in {@code out} and 0 in {@code x}. Returns whether any was missing.
     */
    private boolean unpackGroups(byte[] a, long bitPos, int[] refs, int[] widths, int[] lengths, int[] x, float[] out) {
        boolean anyMissing = false;
        int allOnesRef = bits == 32 ? -1 : (1 << bits) - 1;
        int pos = 0;
        for (int g = 0; g < groups; g++) {
            int w = widths[g];
            int len = lengths[g];
            int ref = refs[g];
            if (w == 0) {
                if (missingManagement > 0 && ref == allOnesRef) {
                    java.util.Arrays.fill(out, pos, pos + len, Missing.VALUE);
                    anyMissing = true;
                } else if (missingManagement == 2 && ref == allOnesRef - 1) {
                    java.util.Arrays.fill(out, pos, pos + len, Missing.SECONDARY);
                    anyMissing = true;
                } else {
                    java.util.Arrays.fill(x, pos, pos + len, ref);
                    if (missingManagement > 0) {
                        java.util.Arrays.fill(out, pos, pos + len, 0f);
                    }
                }
            } else {
                BitReader.readAll(a, bitPos, w, len, x, pos);
                if (missingManagement == 0) {
                    for (int k = pos; k < pos + len; k++) {
                        x[k] += ref;
                    }
                } else {
                    int primary = w == 32 ? -1 : (1 << w) - 1;
                    int secondary = missingManagement == 2 ? primary - 1 : Integer.MIN_VALUE;
                    for (int k = pos; k < pos + len; k++) {
                        int v = x[k];
                        if (v == primary) {
                            out[k] = Missing.VALUE;
                            x[k] = 0;
                            anyMissing = true;
                        } else if (v == secondary) {
                            out[k] = Missing.SECONDARY;
                            x[k] = 0;
                            anyMissing = true;
                        } else {
                            x[k] = v + ref;
                            out[k] = 0;
                        }
                    }
                }
                bitPos += (long) w * len;
            }
            pos += len;
        }
        return anyMissing;
    }

    /** Moves the non-missing values of {@code x} to its front, in order; returns their number. */
    private static int compactValid(int[] x, float[] out, int count) {
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (out[k] == out[k]) {
                x[n++] = x[k];
            }
        }
        return n;
    }

    /** Undoes spatial differencing over the {@code n} valid values (missing values are skipped). */
    private void integrate(int[] x, int n, long ival1, long ival2, long minimum) {
        if (n == 0) {
            return;
        }
        if (order == 1) {
            long prev = ival1;
            x[0] = (int) ival1;
            for (int k = 1; k < n; k++) {
                prev = prev + x[k] + minimum;
                x[k] = (int) prev;
            }
        } else {
            x[0] = (int) ival1;
            if (n == 1) {
                return;
            }
            x[1] = (int) ival2;
            long p2 = ival1;
            long p1 = ival2;
            for (int k = 2; k < n; k++) {
                long v = x[k] + minimum + 2 * p1 - p2;
                x[k] = (int) v;
                p2 = p1;
                p1 = v;
            }
        }
    }

    /** Scales the {@code valid} values at the front of {@code x} into the non-missing slots of {@code out}. */
    private void expand(int[] x, int valid, float[] out, int count) {
        double bscale = scaling.binaryFactor();
        double dscale = scaling.decimalFactor();
        double r = scaling.reference();
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (out[k] == out[k]) {
                out[k] = (float) ((x[n++] * bscale + r) * dscale);
            }
        }
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
