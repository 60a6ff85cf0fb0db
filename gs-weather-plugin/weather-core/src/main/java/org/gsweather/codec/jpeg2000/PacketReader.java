package org.gsweather.codec.jpeg2000;

import org.gsweather.codec.jpeg2000.J2kTile.CodeBlock;
import org.gsweather.codec.jpeg2000.J2kTile.Precinct;
import org.gsweather.codec.jpeg2000.J2kTile.PrecinctBand;
import org.gsweather.field.DataFormatException;

/**
 * Tier 2 of JPEG 2000 (ISO/IEC 15444-1 B.9, B.10): reads the packets of a tile, one after another, and
 * hands each included code-block its coding passes and the bytes of their codeword segments.
 */
final class PacketReader {
    private static final int SOP = 0xff91;
    private static final int EPH = 0xff92;

    private final byte[] data;
    private final int end;
    private final J2kCodingStyle style;
    private int pos;
    /** Bit reader of the packet header: current byte, bits left in it, the byte before. */
    private int current;

    private int bitsLeft;
    private int last;

    /** Contributions of the packet being read: code-block, segment, length. */
    private CodeBlock[] pendingBlocks = new CodeBlock[16];

    private int[] pending = new int[32];
    private int pendingCount;

    /** Highest bit-plane a code-block may start at: magnitudes are held in 31 bits. */
    private final int topPlaneLimit;

    PacketReader(byte[] data, int start, int end, J2kCodingStyle style) {
        this.topPlaneLimit = style.reversible() ? 30 : 29;
        this.data = data;
        this.pos = start;
        this.end = end;
        this.style = style;
    }

    /** Reads the packet of {@code precinct} for layer {@code layer}. */
    void read(Precinct precinct, int layer) throws DataFormatException, J2kUnsupportedException {
        if (style.sop() && pos + 6 <= end && u2(pos) == SOP) {
            pos += 6;
        }
        bitsLeft = 0;
        last = 0;
        pendingCount = 0;
        if (bit() != 0) {
            for (PrecinctBand pb : precinct.bands) {
                for (int i = 0; i < pb.blocks.length; i++) {
                    readBlock(pb, i, layer);
                }
            }
        }
        if (last == 0xff) {
            pos++; // the byte after 0xFF that ends a header is stuffed (B.10.1)
        }
        if (style.eph() && pos + 2 <= end && u2(pos) == EPH) {
            pos += 2;
        }
        for (int k = 0; k < pendingCount; k++) {
            int length = pending[2 * k + 1];
            if (length > end - pos) {
                throw new DataFormatException("JPEG 2000 code stream truncated: a code-block contribution of " + length
                        + " octets, " + (end - pos) + " left in the tile");
            }
            pendingBlocks[k].addChunk(pending[2 * k], pos, length);
            pos += length;
        }
    }

    private void readBlock(PrecinctBand pb, int i, int layer) throws DataFormatException, J2kUnsupportedException {
        CodeBlock cb = pb.blocks[i];
        int mb = pb.band.magnitudeBits;
        if (cb == null) {
            if (!pb.inclusion.below(this, i, layer + 1)) {
                return;
            }
            cb = pb.blocks[i] = J2kTile.newBlock(pb, i);
            cb.zeroPlanes = pb.zeroPlanes.value(this, i, mb);
            if (mb - 1 - cb.zeroPlanes > topPlaneLimit) {
                throw new J2kUnsupportedException("a code-block of " + (mb - cb.zeroPlanes) + " bit-planes");
            }
        } else if (bit() == 0) {
            return;
        }
        int n = passes();
        int max = 3 * (mb - cb.zeroPlanes) - 2;
        if (cb.passes + n > max) {
            throw new DataFormatException("JPEG 2000 packet header: a code-block with " + (cb.passes + n)
                    + " coding passes, its " + (mb - cb.zeroPlanes) + " bit-planes allow " + Math.max(max, 0));
        }
        while (bit() != 0) {
            if (++cb.lblock > 32) {
                throw new DataFormatException("JPEG 2000 packet header: Lblock above 32");
            }
        }
        int style = this.style.blockStyle();
        while (n > 0) {
            int p = cb.passes;
            int take = Math.min(n, segmentRoom(style, p));
            int segment = startsSegment(style, p) ? cb.newSegment() : cb.segments - 1;
            cb.segmentPasses[segment] += take;
            int bits = cb.lblock + 31 - Integer.numberOfLeadingZeros(take);
            if (bits > 31) {
                throw new DataFormatException("JPEG 2000 packet header: a " + bits + "-bit segment length");
            }
            int length = 0;
            for (int k = 0; k < bits; k++) {
                length = length << 1 | bit();
            }
            addPending(cb, segment, length);
            cb.passes += take;
            n -= take;
        }
    }

    /** How many passes from pass {@code p} on stay in the codeword segment of pass {@code p} (D.4.1). */
    private static int segmentRoom(int style, int p) {
        if ((style & J2kCodingStyle.TERMALL) != 0) {
            return 1;
        }
        if ((style & J2kCodingStyle.BYPASS) != 0) {
            if (p < 10) {
                return 10 - p;
            }
            return (p - 10) % 3 == 0 ? 2 : 1;
        }
        return Integer.MAX_VALUE;
    }

    private static boolean startsSegment(int style, int p) {
        if (p == 0 || (style & J2kCodingStyle.TERMALL) != 0) {
            return true;
        }
        return (style & J2kCodingStyle.BYPASS) != 0 && p >= 10 && (p - 10) % 3 != 1;
    }

    /** Number of coding passes (Table B.4). */
    private int passes() throws DataFormatException {
        if (bit() == 0) {
            return 1;
        }
        if (bit() == 0) {
            return 2;
        }
        int two = bit() << 1 | bit();
        if (two != 3) {
            return 3 + two;
        }
        int five = bits(5);
        if (five != 31) {
            return 6 + five;
        }
        return 37 + bits(7);
    }

    private int bits(int n) throws DataFormatException {
        int v = 0;
        for (int k = 0; k < n; k++) {
            v = v << 1 | bit();
        }
        return v;
    }

    private void addPending(CodeBlock cb, int segment, int length) {
        if (pendingCount == pendingBlocks.length) {
            pendingBlocks = java.util.Arrays.copyOf(pendingBlocks, 2 * pendingCount);
            pending = java.util.Arrays.copyOf(pending, 4 * pendingCount);
        }
        pendingBlocks[pendingCount] = cb;
        pending[2 * pendingCount] = segment;
        pending[2 * pendingCount + 1] = length;
        pendingCount++;
    }

    /** One bit of a packet header; a byte after 0xFF holds 7 (B.10.1). */
    int bit() throws DataFormatException {
        if (bitsLeft == 0) {
            if (pos >= end) {
                throw new DataFormatException("JPEG 2000 code stream truncated in a packet header");
            }
            bitsLeft = last == 0xff ? 7 : 8;
            current = last = data[pos++] & 0xff;
        }
        return current >> --bitsLeft & 1;
    }

    private int u2(int p) {
        return (data[p] & 0xff) << 8 | (data[p + 1] & 0xff);
    }
}
