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
 * parts of the field decode side by side: without spatial differencing independently, with it in two
 * rounds chained by each part's last local sums ({@link #decodeDifferenced}).
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
     * Spatial differencing on several threads. First, side by side, each part is extracted and runs the
     * recurrence as if it started from zero: its local sums {@code x'} (and {@code y'}, order 2). The
     * true value of the part's k-th value is then {@code x'_k + A + k * B}, where A and B follow from
     * the state at the part's start (A = x, B = y) or, in the part holding the values section 7 gives,
     * from those. A and B chain from part to part on the calling thread; then, side by side again, the
     * parts turn their local sums into values. The arithmetic is that of the sequential recurrence
     * modulo 2^32, which is all a value keeps, so the values are the same bit for bit.
     */
    private void decodeDifferenced(float[] out, DecodePool pool, int parts, List<MissingCode> codes)
            throws DataFormatException {
        LocalSums[] local = new LocalSums[parts];
        pool.run(parts, p -> {
            int from = from(p, parts);
            local[p] = localSums(from, from(p + 1, parts), out);
        });
        long x = 0;
        long y = 0;
        int given = order;
        for (LocalSums l : local) {
            // the values section 7 gives come first in the field, whatever part they fall in
            l.given = (int) Math.min(given, l.m);
            given -= l.given;
            long gx = x;
            long gy = y;
            for (int t = 0; t < l.given; t++) {
                if (order - (given + l.given - t) == 0) {
                    gx = ival1;
                } else {
                    gy = ival2 - ival1;
                    gx = ival2;
                }
                l.givenValues[t] = gx;
            }
            if (l.given == 0) {
                l.b = y;
                l.a = x;
            } else {
                int q = l.given;
                l.b = order == 2 ? gy - l.yAt[q] : 0;
                l.a = gx - l.xAt[q] - q * l.b;
            }
            x = l.xAt[0] + l.a + l.m * l.b;
            y = l.yAt[0] + l.b;
        }
        pool.run(parts, p -> {
            int from = from(p, parts);
            int to = from(p + 1, parts);
            values(local[p], from, to, out);
            MissingCodes.apply(out, from, to, codes);
        });
    }

    /**
     * A part's extraction and its recurrence from zero: {@code xs} holds the local sum x' at each value
     * (unused where missing); m is the number of values the recurrence runs over; xAt and yAt hold x' and
     * y' after the part's first (1) and second (2) such value, and after its last (0).
     */
    private static final class LocalSums {
        int[] xs;
        long m;
        final long[] xAt = new long[3];
        final long[] yAt = new long[3];
        /** How many of the part's first values section 7 gives, and those values; A and B. */
        int given;

        final long[] givenValues = new long[2];
        long a;
        long b;
    }

    private LocalSums localSums(int from, int to, float[] out) {
        LocalSums l = new LocalSums();
        int n = to - from;
        int[] xs = new int[n];
        Cursor cursor = cursorAt(from);
        long min = minimum;
        long x = 0;
        long y = 0;
        long m = 0;
        boolean missing = missingManagement > 0;
        // a block at a time, so that the recurrence finds the block extracted in the first-level cache
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            extract(cursor, end - start, xs, start, out, from + start);
            int i = start;
            for (; i < end && m < 2; i++) {
                if (missing && out[from + i] != out[from + i]) {
                    continue;
                }
                long e = xs[i] + min;
                y += e;
                x += order == 1 ? e : y;
                xs[i] = (int) x;
                m++;
                l.xAt[(int) m] = x;
                l.yAt[(int) m] = order == 1 ? 0 : y;
            }
            if (order == 1) {
                for (; i < end; i++) {
                    if (!missing || out[from + i] == out[from + i]) {
                        x += xs[i] + min;
                        xs[i] = (int) x;
                        m++;
                    }
                }
            } else {
                for (; i < end; i++) {
                    if (!missing || out[from + i] == out[from + i]) {
                        y += xs[i] + min;
                        x += y;
                        xs[i] = (int) x;
                        m++;
                    }
                }
            }
        }
        if (order == 1) {
            y = 0;
        }
        l.xs = xs;
        l.m = m;
        l.xAt[0] = x;
        l.yAt[0] = y;
        return l;
    }

    /** A part's values from its local sums: given ones first, then {@code x'_k + A + k * B}. */
    private void values(LocalSums l, int from, int to, float[] out) {
        int[] xs = l.xs;
        int n = to - from;
        int a = (int) l.a;
        int b = (int) l.b;
        double bs = bscale;
        double r = reference;
        double f = dscale;
        int i = 0;
        int k = 0;
        boolean missing = missingManagement > 0;
        while (k < l.given && i < n) {
            if (!missing || out[from + i] == out[from + i]) {
                out[from + i] = value((int) l.givenValues[k]);
                k++;
            }
            i++;
        }
        if (!missing) {
            for (; i < n; i++) {
                int x = xs[i] + a + (i + 1) * b;
                out[from + i] = (float) ((x * bs + r) * f);
            }
        } else {
            for (; i < n; i++) {
                if (out[from + i] == out[from + i]) {
                    k++;
                    int x = xs[i] + a + k * b;
                    out[from + i] = (float) ((x * bs + r) * f);
                }
            }
        }
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
        extract(cursor, n, d, 0, out, pos);
    }

    /** {@link #extract(Cursor, int, int[], float[], int)} into {@code d[at..at+n)}. */
    private void extract(Cursor cursor, int n, int[] d, int at, float[] out, int pos) {
        int g = cursor.g;
        int j = cursor.j;
        int i = 0;
        while (i < n) {
            int take = Math.min(lengths[g] - j, n - i);
            int w = widths[g];
            int ref = refs[g];
            if (w == 0) {
                Arrays.fill(d, at + i, at + i + take, ref);
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
                    d[at + k] = (int) ((word << (bit & 7)) >>> drop) + ref;
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
                        d[at + k] = v + ref;
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
}
