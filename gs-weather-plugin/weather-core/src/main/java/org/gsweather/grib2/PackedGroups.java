package org.gsweather.grib2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;
import org.gsweather.field.Missing;
import org.gsweather.field.MissingCode;

/**
 * The values of complex packing (templates 5.2 and 5.3) once the group tables are read: each value is its
 * group's reference plus its packed bits (section 7's "extraction"), then, with spatial differencing,
 * the running sum of order 1 or 2 of those plus the minimum (the "recurrence"), the first one or two
 * values being given in section 7; missing values (missing value management 1 and 2) are skipped by the
 * recurrence.
 *
 * <p>On one thread the field goes a block of 4096 values at a time through both steps. With several,
 * parts of the field are extracted side by side, each part's sums give the state of the recurrence at
 * the start of the next (order 1: the last value; order 2: the last value and the last first
 * difference, from the sum and the index-weighted sum of the part's increments), and the parts then
 * run the recurrence side by side. Arithmetic is in {@code long}, as the sequential recurrence's, so
 * the values are the same bit for bit.
 */
final class PackedGroups {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Values extracted at a time on one thread (16 kB of scratch, in the first-level cache). */
    private static final int BLOCK = 4096;

    private final byte[] a;
    private final int count;
    private final int[] refs;
    private final int[] widths;
    private final int[] lengths;
    /** Index of the first value of each group. */
    private final int[] starts;
    /** Bit position in {@link #a} of the first value of each group. */
    private final long[] bitStarts;

    private final int order;
    private final int missingManagement;
    /** The group reference that marks a group of width 0 as missing (all ones in the reference's bits). */
    private final int allOnesRef;

    private final long ival1;
    private final long ival2;
    private final long minimum;
    private final double bscale;
    private final double dscale;
    private final double reference;

    /**
     * @param a section 7 with 8 octets of padding
     * @param valuesBit bit position of the first packed value
     * @param refBits bits of the group references (octet 20 of section 5)
     */
    PackedGroups(
            byte[] a,
            int count,
            int[] refs,
            int[] widths,
            int[] lengths,
            long valuesBit,
            int refBits,
            int order,
            int missingManagement,
            long ival1,
            long ival2,
            long minimum,
            Scaling scaling) {
        this.a = a;
        this.count = count;
        this.refs = refs;
        this.widths = widths;
        this.lengths = lengths;
        this.order = order;
        this.missingManagement = missingManagement;
        this.allOnesRef = refBits == 32 ? -1 : (1 << refBits) - 1;
        this.ival1 = ival1;
        this.ival2 = ival2;
        this.minimum = minimum;
        this.bscale = scaling.binaryFactor();
        this.dscale = scaling.decimalFactor();
        this.reference = scaling.reference();
        int groups = refs.length;
        starts = new int[groups];
        bitStarts = new long[groups];
        int start = 0;
        long bit = valuesBit;
        for (int g = 0; g < groups; g++) {
            starts[g] = start;
            bitStarts[g] = bit;
            start += lengths[g];
            bit += (long) lengths[g] * widths[g];
        }
    }

    /** Where the recurrence stands: the last value, the last first difference, given values still to come. */
    private static final class Carry {
        long x;
        long y;
        int given;

        Carry(int given) {
            this.given = given;
        }
    }

    /** Where extraction stands: group {@code g}, its value {@code j}. */
    private static final class Cursor {
        int g;
        int j;
    }

    /** Decodes all values into {@code out[0..count)}, with the missing codes applied. */
    void decode(float[] out, DecodePool pool, List<MissingCode> codes) throws DataFormatException {
        int parts = pool.parts(count);
        if (parts <= 1) {
            decodeRange(0, count, out, new Carry(order));
            MissingCodes.apply(out, 0, count, codes);
        } else if (order == 0) {
            pool.run(parts, p -> {
                int from = from(p, parts);
                int to = from(p + 1, parts);
                decodeRange(from, to, out, new Carry(0));
                MissingCodes.apply(out, from, to, codes);
            });
        } else {
            decodeDifferenced(out, pool, parts, codes);
        }
    }

    private int from(int part, int parts) {
        return (int) ((long) count * part / parts);
    }

    /** Both steps over values {@code [from, to)}, a block at a time. */
    private void decodeRange(int from, int to, float[] out, Carry carry) {
        int[] d = new int[Math.min(BLOCK, to - from)];
        Cursor cursor = cursorAt(from);
        for (int pos = from; pos < to; pos += BLOCK) {
            int n = Math.min(BLOCK, to - pos);
            extract(cursor, n, d, out, pos);
            recur(d, n, out, pos, carry);
        }
    }

    /**
     * Spatial differencing on several threads: the parts are extracted side by side, their sums chain
     * the recurrence's state from part to part, then the parts run the recurrence side by side.
     */
    private void decodeDifferenced(float[] out, DecodePool pool, int parts, List<MissingCode> codes)
            throws DataFormatException {
        int[][] extracted = new int[parts][];
        long[][] sums = new long[parts][];
        pool.run(parts, p -> {
            int from = from(p, parts);
            int n = from(p + 1, parts) - from;
            int[] d = new int[n];
            extract(cursorAt(from), n, d, out, from);
            extracted[p] = d;
            if (p < parts - 1) {
                sums[p] = sums(d, n, out, from);
            }
        });
        Carry[] carries = new Carry[parts];
        Carry c = new Carry(order);
        for (int p = 0; p < parts; p++) {
            carries[p] = copy(c);
            if (p < parts - 1) {
                advance(c, sums[p]);
            }
        }
        pool.run(parts, p -> {
            int from = from(p, parts);
            int to = from(p + 1, parts);
            recur(extracted[p], to - from, out, from, carries[p]);
            MissingCodes.apply(out, from, to, codes);
        });
    }

    private static Carry copy(Carry c) {
        Carry k = new Carry(c.given);
        k.x = c.x;
        k.y = c.y;
        return k;
    }

    /** The cursor of value {@code pos}: the last group starting at or before it (it holds it). */
    private Cursor cursorAt(int pos) {
        Cursor c = new Cursor();
        int g = Arrays.binarySearch(starts, pos);
        if (g < 0) {
            g = -g - 2;
        } else {
            while (g + 1 < starts.length && starts[g + 1] == pos) {
                g++;
            }
        }
        c.g = Math.max(0, g);
        c.j = pos - starts[c.g];
        return c;
    }

    /**
     * The next {@code n} values from {@code cursor} into {@code d[0..n)}: group reference plus packed
     * bits. With missing value management, {@code out[pos..pos+n)} gets the {@link Missing} value of
     * each missing one and 0 for the others.
     */
    private void extract(Cursor cursor, int n, int[] d, float[] out, int pos) {
        int g = cursor.g;
        int j = cursor.j;
        int i = 0;
        while (i < n) {
            int take = Math.min(lengths[g] - j, n - i);
            int w = widths[g];
            int ref = refs[g];
            if (w == 0) {
                Arrays.fill(d, i, i + take, ref);
                if (missingManagement > 0) {
                    float mark = 0;
                    if (ref == allOnesRef) {
                        mark = Missing.VALUE;
                    } else if (missingManagement == 2 && ref == allOnesRef - 1) {
                        mark = Missing.SECONDARY;
                    }
                    Arrays.fill(out, pos + i, pos + i + take, mark);
                }
            } else if (missingManagement == 0) {
                long bit = bitStarts[g] + (long) j * w;
                int drop = 64 - w;
                for (int k = i, end = i + take; k < end; k++, bit += w) {
                    long word = (long) LONG_BE.get(a, (int) (bit >>> 3));
                    d[k] = (int) ((word << (bit & 7)) >>> drop) + ref;
                }
            } else {
                long bit = bitStarts[g] + (long) j * w;
                int drop = 64 - w;
                int primary = w == 32 ? -1 : (1 << w) - 1;
                boolean secondary = missingManagement == 2;
                for (int k = i, end = i + take; k < end; k++, bit += w) {
                    long word = (long) LONG_BE.get(a, (int) (bit >>> 3));
                    int v = (int) ((word << (bit & 7)) >>> drop);
                    if (v == primary) {
                        out[pos + k] = Missing.VALUE;
                    } else if (secondary && v == primary - 1) {
                        out[pos + k] = Missing.SECONDARY;
                    } else {
                        d[k] = v + ref;
                        out[pos + k] = 0;
                    }
                }
            }
            i += take;
            j += take;
            while (g < lengths.length && j == lengths[g]) {
                g++;
                j = 0;
            }
        }
        cursor.g = g;
        cursor.j = j;
    }

    /** The recurrence over {@code d[0..n)} from {@code c}, values into {@code out[pos..pos+n)}. */
    private void recur(int[] d, int n, float[] out, int pos, Carry c) {
        int i = 0;
        while (c.given > 0 && i < n) {
            if (missingManagement > 0 && out[pos + i] != out[pos + i]) {
                i++;
                continue;
            }
            if (order - c.given == 0) {
                c.x = ival1;
            } else {
                c.y = ival2 - ival1;
                c.x = ival2;
            }
            out[pos + i] = value((int) c.x);
            c.given--;
            i++;
        }
        double b = bscale;
        double r = reference;
        double f = dscale;
        long min = minimum;
        long x = c.x;
        long y = c.y;
        if (missingManagement == 0) {
            switch (order) {
                case 0 -> {
                    for (; i < n; i++) {
                        out[pos + i] = (float) ((d[i] * b + r) * f);
                    }
                }
                case 1 -> {
                    for (; i < n; i++) {
                        x += d[i] + min;
                        out[pos + i] = (float) (((int) x * b + r) * f);
                    }
                }
                default -> {
                    for (; i < n; i++) {
                        y += d[i] + min;
                        x += y;
                        out[pos + i] = (float) (((int) x * b + r) * f);
                    }
                }
            }
        } else {
            // the missing ones are marked NaN in out: the recurrence skips them
            switch (order) {
                case 0 -> {
                    for (; i < n; i++) {
                        if (out[pos + i] == out[pos + i]) {
                            out[pos + i] = (float) ((d[i] * b + r) * f);
                        }
                    }
                }
                case 1 -> {
                    for (; i < n; i++) {
                        if (out[pos + i] == out[pos + i]) {
                            x += d[i] + min;
                            out[pos + i] = (float) (((int) x * b + r) * f);
                        }
                    }
                }
                default -> {
                    for (; i < n; i++) {
                        if (out[pos + i] == out[pos + i]) {
                            y += d[i] + min;
                            x += y;
                            out[pos + i] = (float) (((int) x * b + r) * f);
                        }
                    }
                }
            }
        }
        c.x = x;
        c.y = y;
    }

    private float value(int x) {
        return (float) ((x * bscale + reference) * dscale);
    }

    /**
     * The sums of a part's increments {@code e = d + minimum} that carry the recurrence over it: the
     * number m of values it runs over, the sum E of the e_i and the sum F of i * e_i (i from 1), and E
     * and F after its first and after its second value: {m, E, F, E1, F1, E2, F2}.
     */
    private long[] sums(int[] d, int n, float[] out, int pos) {
        long min = minimum;
        long e = 0;
        long f = 0;
        long m = 0;
        long[] s = new long[7];
        for (int i = 0; i < n; i++) {
            if (missingManagement > 0 && out[pos + i] != out[pos + i]) {
                continue;
            }
            long inc = d[i] + min;
            m++;
            e += inc;
            f += m * inc;
            if (m <= 2) {
                s[2 * (int) m + 1] = e;
                s[2 * (int) m + 2] = f;
            }
        }
        s[0] = m;
        s[1] = e;
        s[2] = f;
        return s;
    }

    /** The state after a part with sums {@code s}, from the state before it. */
    private void advance(Carry c, long[] s) {
        long m = s[0];
        long e = s[1];
        long f = s[2];
        int q = (int) Math.min(c.given, m);
        for (int t = 0; t < q; t++) {
            if (order - c.given == 0) {
                c.x = ival1;
            } else {
                c.y = ival2 - ival1;
                c.x = ival2;
            }
            c.given--;
        }
        if (q > 0) {
            // the values after the given ones: their own sums, indices counted from 1 again
            long eq = s[2 * q + 1];
            long fq = s[2 * q + 2];
            e -= eq;
            f = f - fq - q * e;
            m -= q;
        }
        if (order == 1) {
            c.x += e;
        } else {
            c.x += m * c.y + (m + 1) * e - f;
            c.y += e;
        }
    }
}
