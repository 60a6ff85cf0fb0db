package org.gsweather.codec.jpeg2000;

import org.gsweather.field.DataFormatException;

/**
 * The partition of one tile (ISO/IEC 15444-1 B.3 to B.7): resolutions, their subbands, precincts and
 * code-blocks, with where each subband's coefficients lie in a tile buffer laid out as subbands (the
 * lowest resolution at the top left, each level's HL, LH and HH right of, below and diagonal to it).
 */
final class J2kTile {
    final J2kCodingStyle style;
    final int x0;
    final int y0;
    final int x1;
    final int y1;
    final Resolution[] resolutions;

    /** Resolution r of the tile: its extent on its own grid, precinct grid and subbands. */
    static final class Resolution {
        final int level;
        int x0, y0, x1, y1;
        int ppx, ppy;
        /** First precinct indices and precincts across and down. */
        int px0, py0, precinctsWide, precinctsHigh;

        Band[] bands;
        Precinct[] precincts;

        Resolution(int level) {
            this.level = level;
        }

        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }
    }

    /** A subband: extent on its own grid, code-block size, place in the tile buffer, quantization. */
    static final class Band {
        int orientation;
        int x0, y0, x1, y1;
        int xcb, ycb;
        int bufferX, bufferY;
        int magnitudeBits;
        float step;
    }

    /** The code-blocks of one precinct in one subband, with their tag trees. */
    static final class PrecinctBand {
        final Band band;
        final int cbx0, cby0, wide, high;
        final CodeBlock[] blocks;
        TagTree inclusion;
        TagTree zeroPlanes;

        PrecinctBand(Band band, int cbx0, int cby0, int wide, int high) {
            this.band = band;
            this.cbx0 = cbx0;
            this.cby0 = cby0;
            this.wide = wide;
            this.high = high;
            this.blocks = new CodeBlock[wide * high];
            if (blocks.length > 0) {
                inclusion = new TagTree(wide, high);
                zeroPlanes = new TagTree(wide, high);
            }
        }
    }

    static final class Precinct {
        final PrecinctBand[] bands;

        Precinct(PrecinctBand[] bands) {
            this.bands = bands;
        }
    }

    /** A code-block included in some packet: passes, codeword segments and where their bytes are. */
    static final class CodeBlock {
        final int x0, y0, x1, y1;
        int zeroPlanes;
        int lblock = 3;
        int passes;
        int segments;
        int[] segmentPasses = new int[1];
        /** Per chunk of bytes: segment, start, length. */
        int chunks;

        int[] chunk = new int[3];

        CodeBlock(int x0, int y0, int x1, int y1) {
            this.x0 = x0;
            this.y0 = y0;
            this.x1 = x1;
            this.y1 = y1;
        }

        void addChunk(int segment, int start, int length) {
            if (3 * chunks == chunk.length) {
                chunk = java.util.Arrays.copyOf(chunk, 6 * chunks);
            }
            chunk[3 * chunks] = segment;
            chunk[3 * chunks + 1] = start;
            chunk[3 * chunks + 2] = length;
            chunks++;
        }

        int newSegment() {
            if (segments == segmentPasses.length) {
                segmentPasses = java.util.Arrays.copyOf(segmentPasses, 2 * segments);
            }
            segmentPasses[segments] = 0;
            return segments++;
        }
    }

    J2kTile(J2kCodestream c, int index, J2kCodingStyle style, J2kQuantization q)
            throws DataFormatException, J2kUnsupportedException {
        this.style = style;
        int p = index % c.tilesX;
        int t = index / c.tilesX;
        x0 = (int) Math.max((long) c.tileX0 + (long) p * c.tileWidth, c.x0);
        y0 = (int) Math.max((long) c.tileY0 + (long) t * c.tileHeight, c.y0);
        x1 = (int) Math.min((long) c.tileX0 + (long) (p + 1) * c.tileWidth, c.x1);
        y1 = (int) Math.min((long) c.tileY0 + (long) (t + 1) * c.tileHeight, c.y1);
        int levels = style.levels();
        if (!style.reversible() && q.style() == 0 || style.reversible() && q.style() != 0) {
            throw new J2kUnsupportedException(
                    (style.reversible() ? "5/3" : "9/7") + " wavelet with quantization style " + q.style());
        }
        resolutions = new Resolution[levels + 1];
        for (int r = 0; r <= levels; r++) {
            Resolution res = new Resolution(r);
            int shift = levels - r;
            res.x0 = ceilShift(x0, shift);
            res.y0 = ceilShift(y0, shift);
            res.x1 = ceilShift(x1, shift);
            res.y1 = ceilShift(y1, shift);
            res.ppx = style.ppx()[r];
            res.ppy = style.ppy()[r];
            if (res.x1 > res.x0 && res.y1 > res.y0) {
                res.px0 = res.x0 >> res.ppx;
                res.py0 = res.y0 >> res.ppy;
                res.precinctsWide = (int) (((long) res.x1 + (1L << res.ppx) - 1 >> res.ppx) - res.px0);
                res.precinctsHigh = (int) (((long) res.y1 + (1L << res.ppy) - 1 >> res.ppy) - res.py0);
            }
            int xcb = Math.min(style.xcb(), r == 0 ? res.ppx : res.ppx - 1);
            int ycb = Math.min(style.ycb(), r == 0 ? res.ppy : res.ppy - 1);
            res.bands = new Band[r == 0 ? 1 : 3];
            for (int b = 0; b < res.bands.length; b++) {
                int orientation = r == 0 ? 0 : b + 1;
                Band band = new Band();
                band.orientation = orientation;
                int level = r == 0 ? levels : levels - r + 1;
                if (r == 0) {
                    band.x0 = res.x0;
                    band.y0 = res.y0;
                    band.x1 = res.x1;
                    band.y1 = res.y1;
                } else {
                    // B.5: (tcx0 - 2^(nb-1) xob) / 2^nb, rounded up
                    long half = 1L << (level - 1);
                    band.x0 = ceilShift(x0 - half * (orientation & 1), level);
                    band.y0 = ceilShift(y0 - half * (orientation >> 1), level);
                    band.x1 = ceilShift(x1 - half * (orientation & 1), level);
                    band.y1 = ceilShift(y1 - half * (orientation >> 1), level);
                    Resolution lower = resolutions[r - 1];
                    band.bufferX = (orientation & 1) != 0 ? lower.width() : 0;
                    band.bufferY = (orientation & 2) != 0 ? lower.height() : 0;
                }
                band.xcb = xcb;
                band.ycb = ycb;
                int qi = r == 0 ? 0 : 3 * (r - 1) + orientation;
                int exponent = q.exponent(qi, levels);
                band.magnitudeBits = q.guardBits() + exponent - 1;
                int gain = orientation == 0 ? 0 : orientation == 3 ? 2 : 1;
                band.step = (float) (Math.scalb(1.0, c.precision + gain - exponent) * (1 + q.mantissa(qi) / 2048.0));
                res.bands[b] = band;
            }
            resolutions[r] = res;
        }
    }

    /** Number of packets of the tile: layers times precincts. */
    long packets() {
        long n = 0;
        for (Resolution r : resolutions) {
            n += (long) r.precinctsWide * r.precinctsHigh;
        }
        return n * style.layers();
    }

    /** Precinct {@code k} (raster order) of resolution {@code r}, made on first use. */
    Precinct precinct(Resolution r, int k) {
        if (r.precincts == null) {
            r.precincts = new Precinct[r.precinctsWide * r.precinctsHigh];
        }
        Precinct p = r.precincts[k];
        if (p == null) {
            int px = r.px0 + k % r.precinctsWide;
            int py = r.py0 + k / r.precinctsWide;
            int shiftX = r.level == 0 ? r.ppx : r.ppx - 1;
            int shiftY = r.level == 0 ? r.ppy : r.ppy - 1;
            PrecinctBand[] bands = new PrecinctBand[r.bands.length];
            for (int b = 0; b < bands.length; b++) {
                Band band = r.bands[b];
                long bx0 = Math.max((long) px << shiftX, band.x0);
                long by0 = Math.max((long) py << shiftY, band.y0);
                long bx1 = Math.min((long) (px + 1) << shiftX, band.x1);
                long by1 = Math.min((long) (py + 1) << shiftY, band.y1);
                if (bx1 <= bx0 || by1 <= by0) {
                    bands[b] = new PrecinctBand(band, 0, 0, 0, 0);
                    continue;
                }
                int cbx0 = (int) (bx0 >> band.xcb);
                int cby0 = (int) (by0 >> band.ycb);
                int cbx1 = (int) ((bx1 + (1L << band.xcb) - 1) >> band.xcb);
                int cby1 = (int) ((by1 + (1L << band.ycb) - 1) >> band.ycb);
                bands[b] = new PrecinctBand(band, cbx0, cby0, cbx1 - cbx0, cby1 - cby0);
            }
            p = r.precincts[k] = new Precinct(bands);
        }
        return p;
    }

    /** Code-block {@code i} of a precinct band, clipped to its subband. */
    static CodeBlock newBlock(PrecinctBand pb, int i) {
        Band b = pb.band;
        int cx = pb.cbx0 + i % pb.wide;
        int cy = pb.cby0 + i / pb.wide;
        return new CodeBlock(
                Math.max(cx << b.xcb, b.x0),
                Math.max(cy << b.ycb, b.y0),
                (int) Math.min((long) (cx + 1) << b.xcb, b.x1),
                (int) Math.min((long) (cy + 1) << b.ycb, b.y1));
    }

    /** ceil(v / 2^shift) for any sign of v. */
    static int ceilShift(long v, int shift) {
        return (int) -((-v) >> shift);
    }
}
