package org.gsweather.codec.aec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.gsweather.field.DataFormatException;

/**
 * Adaptive entropy decoder of CCSDS 121.0-B-3 (lossless data compression) for the streams libaec writes:
 * coded data sets of {@code J} samples (zero-block runs, second extension, split-sample options with the
 * fundamental sequence as {@code k = 0}, no compression), optionally with the unit-delay predictor and
 * its prediction-error mapping, a reference sample every {@code r} blocks and byte padding after each
 * reference sample interval.
 *
 * <p>One decoder reads one stream: {@link #read} delivers the next samples, call after call, as
 * integers (sign-extended for signed samples, the bit pattern for 32-bit unsigned ones).
 */
public final class AecDecoder {
    /** libaec flag bits, as GRIB2 template 5.42 stores them in octet 22: samples are signed. */
    public static final int SIGNED = 1;

    /** Samples of 17 to 24 bits are stored in 3 octets (how libaec stores them; no effect on decoding). */
    public static final int THREE_BYTE = 2;
    /** Samples are stored most significant octet first (how libaec stores them; no effect on decoding). */
    public static final int MSB = 4;
    /** The unit-delay predictor and its prediction-error mapping are applied. */
    public static final int PREPROCESS = 8;
    /** The restricted set of code options (1 to 4 bits per sample). */
    public static final int RESTRICTED = 16;
    /** Each reference sample interval is padded to an octet boundary. */
    public static final int PAD_RSI = 32;

    /** Index in {@link #optionCounts()} of the zero-block runs. */
    static final int ZERO_BLOCKS = 0;
    /** Index of the zero-block runs to the end of a segment or interval (ROS), counted in both. */
    static final int REMAINDER_OF_SEGMENT = 1;
    /** Index of the second-extension blocks. */
    static final int SECOND_EXTENSION = 2;
    /** Index of the uncompressed blocks. */
    static final int NO_COMPRESSION = 3;
    /** Index of the blocks split at k = 0 (fundamental sequence), followed by those split at k = 1, 2... */
    static final int SPLIT = 4;

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Zero-block runs are counted within segments of 64 blocks. */
    private static final int SEGMENT_BLOCKS = 64;

    /** The run length code (blocks - 1) that stands for "the remainder of the segment" (ROS). */
    private static final int ROS_CODE = 4;

    /**
     * A 64-bit load at any bit position holds at least 57 bits of the stream, so a fundamental sequence
     * of up to 56 zeros and its closing one is read from one load.
     */
    private static final int FAST_ZEROS = 56;

    /**
     * Second extension: the code m of a pair (a, b) is s(s+1)/2 + b with s = a + b; libaec accepts pair
     * sums up to 12, i.e. codes up to 90.
     */
    private static final int SE_MAX_CODE = 90;

    private static final byte[] SE_SUM = new byte[SE_MAX_CODE + 1];
    private static final byte[] SE_SECOND = new byte[SE_MAX_CODE + 1];

    static {
        for (int s = 0, m = 0; m <= SE_MAX_CODE; s++) {
            for (int b = 0; b <= s && m <= SE_MAX_CODE; b++, m++) {
                SE_SUM[m] = (byte) s;
                SE_SECOND[m] = (byte) b;
            }
        }
    }

    private final int bits;
    private final int blockSize;
    private final int rsi;
    private final int idLen;
    private final int uncompressedId;
    private final boolean preprocess;
    private final boolean signed;
    private final boolean padRsi;
    private final long xmin;
    private final long xmax;

    private final byte[] in;
    private final long endBit;
    private final long count;
    private final long fieldBlocks;

    /** Bit position of the next coded data set. */
    private long pos;
    /** Coded blocks read so far. */
    private long blockIndex;
    /** Blocks read in the current reference sample interval. */
    private int blockInRsi;
    /** Samples delivered by {@link #read}. */
    private long delivered;
    /** The last sample value, the prediction of the next one when preprocessing. */
    private long last;
    /** Samples of a zero-block run not yet delivered. */
    private long runLeft;
    /** The value of those samples. */
    private int runValue;
    /** A block decoded for a read that ends within it. */
    private final int[] block;
    /** {@code block[blockNext..blockEnd)}: its samples not yet delivered. */
    private int blockNext;

    private int blockEnd;

    private final long[] optionCounts = new long[SPLIT + 30];

    /**
     * @param bits bits per sample, 1 to 32
     * @param flags libaec flags ({@link #SIGNED}, {@link #PREPROCESS}, {@link #RESTRICTED}, {@link #PAD_RSI};
     *     {@link #THREE_BYTE} and {@link #MSB} only say how libaec stores decoded samples)
     * @param blockSize samples per block J: 8, 16, 32 or 64
     * @param rsi reference sample interval, in blocks
     * @param data the coded stream, from its position to its limit (not modified)
     * @param count number of samples the stream holds
     */
    public AecDecoder(int bits, int flags, int blockSize, int rsi, ByteBuffer data, long count)
            throws DataFormatException {
        if (bits < 1 || bits > 32) {
            throw new DataFormatException("CCSDS: " + bits + " bits per sample (1 to 32 are possible)");
        }
        if (blockSize != 8 && blockSize != 16 && blockSize != 32 && blockSize != 64) {
            throw new DataFormatException("CCSDS: block size " + blockSize + " (CCSDS 121.0-B-3 has 8, 16, 32, 64)");
        }
        if (rsi < 1) {
            throw new DataFormatException("CCSDS: reference sample interval of " + rsi + " blocks");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count " + count);
        }
        this.bits = bits;
        this.blockSize = blockSize;
        this.rsi = rsi;
        if (bits > 16) {
            idLen = 5;
        } else if (bits > 8) {
            idLen = 4;
        } else if ((flags & RESTRICTED) == 0) {
            idLen = 3;
        } else if (bits <= 4) {
            idLen = bits <= 2 ? 1 : 2;
        } else {
            throw new DataFormatException(
                    "CCSDS: the restricted set of code options is for 1 to 4 bits per sample, not " + bits);
        }
        uncompressedId = (1 << idLen) - 1;
        preprocess = (flags & PREPROCESS) != 0;
        signed = (flags & SIGNED) != 0;
        padRsi = (flags & PAD_RSI) != 0;
        xmin = signed ? -(1L << (bits - 1)) : 0;
        xmax = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;

        int length = data.remaining();
        // a block reads at most id, selector, reference and J * (56 + 1 + 32) bits past its start
        in = new byte[length + 8 + (6 + 32 + blockSize * (FAST_ZEROS + 1 + 32)) / 8 + 8];
        data.get(data.position(), in, 0, length);
        endBit = 8L * length;
        this.count = count;
        fieldBlocks = (count + blockSize - 1) / blockSize;
        block = new int[blockSize];
    }

    /**
     * Decodes the next {@code n} samples into {@code out[off..off+n)}.
     *
     * @throws DataFormatException if the stream is truncated or malformed
     * @throws IllegalArgumentException if fewer than {@code n} samples of the stream are left
     */
    public void read(int[] out, int off, int n) throws DataFormatException {
        Objects.checkFromIndexSize(off, n, out.length);
        if (n > count - delivered) {
            throw new IllegalArgumentException(
                    "reading " + n + " samples after " + delivered + " of a stream of " + count);
        }
        int p = off;
        int end = off + n;
        while (p < end) {
            if (runLeft > 0) {
                int m = (int) Math.min(runLeft, end - p);
                Arrays.fill(out, p, p + m, runValue);
                p += m;
                runLeft -= m;
            } else if (blockNext < blockEnd) {
                int m = Math.min(blockEnd - blockNext, end - p);
                System.arraycopy(block, blockNext, out, p, m);
                p += m;
                blockNext += m;
            } else if (end - p >= blockSize) {
                p += decodeBlock(out, p);
            } else {
                blockNext = 0;
                blockEnd = decodeBlock(block, 0);
            }
        }
        delivered += n;
    }

    /**
     * Decodes one coded data set: a block of J samples into {@code dst[at..at+J)} (returns J), or a run
     * of zero blocks left in {@link #runLeft} (returns 0).
     */
    private int decodeBlock(int[] dst, int at) throws DataFormatException {
        long p = pos;
        int ref = preprocess && blockInRsi == 0 ? 1 : 0;
        int id = field(p, idLen);
        p += idLen;
        int blocks = 1;
        int written = blockSize;
        if (id == 0) {
            boolean secondExtension = field(p, 1) != 0;
            p++;
            if (ref != 0) {
                dst[at] = reference(p);
                p += bits;
            }
            if (secondExtension) {
                optionCounts[SECOND_EXTENSION]++;
                p = secondExtension(p, dst, at, ref);
                postprocess(dst, at + ref, at + blockSize);
            } else {
                int code = fundamentalSequence(p);
                p += code + 1L;
                blocks = zeroBlocks(code);
                runLeft = (long) blocks * blockSize;
                runValue = preprocess ? (int) last : 0;
                written = 0;
            }
        } else if (id == uncompressedId) {
            optionCounts[NO_COMPRESSION]++;
            if (ref != 0) {
                dst[at] = reference(p);
                p += bits;
            }
            int drop = 64 - bits;
            for (int i = at + ref, end = at + blockSize; i < end; i++) {
                dst[i] = (int) (load(p) >>> drop);
                p += bits;
            }
            postprocess(dst, at + ref, at + blockSize);
        } else {
            int k = id - 1;
            if (k >= bits) {
                throw new DataFormatException("CCSDS: block " + blockIndex + " at bit " + pos + " has option id " + id
                        + ", a split at k=" + k + " that " + bits + "-bit samples cannot use");
            }
            if (ref != 0) {
                dst[at] = reference(p);
                p += bits;
            }
            optionCounts[SPLIT + k]++;
            p = split(p, dst, at + ref, at + blockSize, k);
            postprocess(dst, at + ref, at + blockSize);
        }
        if (p > endBit) {
            throw new DataFormatException("CCSDS: truncated stream: block " + blockIndex + " (samples from "
                    + blockIndex * blockSize + " of " + count + ") ends at bit " + p + " of " + endBit);
        }
        blockIndex += blocks;
        blockInRsi += blocks;
        if (blockInRsi == rsi) {
            blockInRsi = 0;
            if (padRsi) {
                p = (p + 7) & ~7L;
            }
        }
        pos = p;
        return written;
    }

    /** How many coded data sets of each option the stream has had so far, for tests and diagnostics. */
    long[] optionCounts() {
        return optionCounts.clone();
    }

    /** The reference sample at bit {@code p}, which also becomes the prediction of the next sample. */
    private int reference(long p) {
        long x = field(p, bits) & 0xffffffffL;
        if (signed) {
            x = x << (64 - bits) >> (64 - bits);
        }
        last = x;
        return (int) x;
    }

    /** Number of zero blocks a run code stands for, checked against the interval and the field. */
    private int zeroBlocks(int code) throws DataFormatException {
        long blocks;
        optionCounts[ZERO_BLOCKS]++;
        if (code == ROS_CODE) {
            optionCounts[REMAINDER_OF_SEGMENT]++;
            blocks = Math.min(rsi - blockInRsi, SEGMENT_BLOCKS - blockInRsi % SEGMENT_BLOCKS);
        } else {
            blocks = code < ROS_CODE ? code + 1L : code;
            if (blocks > rsi - blockInRsi) {
                throw new DataFormatException("CCSDS: zero-block run of " + blocks + " blocks at block " + blockIndex
                        + " passes the end of its reference sample interval (" + (rsi - blockInRsi)
                        + " blocks left)");
            }
            if (blockIndex + blocks > fieldBlocks) {
                throw new DataFormatException("CCSDS: zero-block run of " + blocks + " blocks at block " + blockIndex
                        + " passes the end of the field (" + count + " samples, " + fieldBlocks + " blocks)");
            }
        }
        return (int) blocks;
    }

    /** Second-extension pairs of a block, after its reference sample if it has one. */
    private long secondExtension(long p, int[] dst, int at, int ref) throws DataFormatException {
        for (int i = ref; i < blockSize; ) {
            long w = load(p);
            int m = Long.numberOfLeadingZeros(w);
            if (m > FAST_ZEROS) {
                m = fundamentalSequence(p);
            }
            if (m > SE_MAX_CODE) {
                throw new DataFormatException("CCSDS: block " + blockIndex + " at bit " + pos
                        + " has second-extension code " + m + " (at most " + SE_MAX_CODE + ")");
            }
            p += m + 1;
            int b = SE_SECOND[m];
            if ((i & 1) == 0) {
                dst[at + i++] = SE_SUM[m] - b;
            }
            dst[at + i++] = b;
        }
        return p;
    }

    /**
     * Split-sample option k: the fundamental sequences of the high parts of all samples of the block,
     * then their k low bits.
     */
    private long split(long p, int[] dst, int from, int to, int k) throws DataFormatException {
        // several sequences come out of one 64-bit load: w holds the stream from bit p + used on, and
        // its first 57 - used bits are valid
        long w = load(p);
        int used = 0;
        for (int i = from; i < to; i++) {
            int z = Long.numberOfLeadingZeros(w);
            if (z + used > FAST_ZEROS) {
                p += used;
                used = 0;
                w = load(p);
                z = Long.numberOfLeadingZeros(w);
                if (z > FAST_ZEROS) {
                    z = fundamentalSequence(p);
                    p += z + 1;
                    w = load(p);
                    dst[i] = z << k;
                    continue;
                }
            }
            dst[i] = z << k;
            w = w << z << 1;
            used += z + 1;
        }
        p += used;
        if (k > 0) {
            int drop = 64 - k;
            for (int i = from; i < to; i++) {
                dst[i] |= (int) (load(p) >>> drop);
                p += k;
            }
        }
        return p;
    }

    /**
     * Turns the mapped prediction errors of {@code dst[from..to)} into samples (the inverse of the
     * prediction error mapper of the unit-delay predictor), or sign-extends raw signed samples.
     */
    private void postprocess(int[] dst, int from, int to) {
        if (!preprocess) {
            if (signed && bits < 32) {
                int shift = 32 - bits;
                for (int i = from; i < to; i++) {
                    dst[i] = dst[i] << shift >> shift;
                }
            }
            return;
        }
        long x = last;
        long lo = xmin;
        long hi = xmax;
        for (int i = from; i < to; i++) {
            long d = dst[i] & 0xffffffffL;
            long below = x - lo;
            long above = hi - x;
            long theta = Math.min(below, above);
            if (d <= 2 * theta) {
                // even d: x + d/2, odd d: x - (d+1)/2
                x += (d >>> 1) ^ -(d & 1);
            } else if (below <= above) {
                x = lo + d;
            } else {
                x = hi - d;
            }
            dst[i] = (int) x;
        }
        last = x;
    }

    /** Length of the run of zeros at bit {@code p}, which a one must end within the stream. */
    private int fundamentalSequence(long p) throws DataFormatException {
        long q = p;
        while (true) {
            if (q >= endBit) {
                throw new DataFormatException("CCSDS: truncated stream: block " + blockIndex + " at bit " + pos
                        + " has a fundamental sequence that runs past the end of the data (bit " + endBit + ")");
            }
            int z = Long.numberOfLeadingZeros(load(q));
            if (z <= FAST_ZEROS) {
                long n = q + z - p;
                if (n > Integer.MAX_VALUE - 64) {
                    throw new DataFormatException(
                            "CCSDS: block " + blockIndex + " has a fundamental sequence of " + n + " zeros");
                }
                return (int) n;
            }
            q += FAST_ZEROS + 1;
        }
    }

    /** The 64 bits at bit {@code p}, of which at least the first 57 are the stream's. */
    private long load(long p) {
        return (long) LONG_BE.get(in, (int) (p >>> 3)) << (p & 7);
    }

    /** The {@code width}-bit field (1 to 32) at bit {@code p}. */
    private int field(long p, int width) {
        return (int) (load(p) >>> (64 - width));
    }
}
