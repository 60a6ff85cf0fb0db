package org.gsweather.codec.jpeg2000;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gsweather.codec.SampleSink;
import org.gsweather.codec.jpeg2000.J2kTile.Band;
import org.gsweather.codec.jpeg2000.J2kTile.CodeBlock;
import org.gsweather.codec.jpeg2000.J2kTile.Precinct;
import org.gsweather.codec.jpeg2000.J2kTile.PrecinctBand;
import org.gsweather.codec.jpeg2000.J2kTile.Resolution;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;

/**
 * Decodes a single-component JPEG 2000 code stream (ISO/IEC 15444-1) into its unsigned samples, row by
 * row: tier 2 ({@link PacketReader}), tier 1 ({@link CodeBlockDecoder}), the inverse wavelet
 * transformation ({@link Dwt53}, {@link Dwt97}) and the DC level shift (G.1.2).
 *
 * <p>With a {@link DecodePool}, the code-blocks of a tile (independent of each other) are decoded by
 * several threads, as are the rows, then the columns, of each level of the wavelet and the rows of the
 * level shift; tier 2 reads the packet headers on the calling thread.
 */
final class J2kDecoder {
    private final J2kCodestream stream;
    private final SampleSink sink;
    private final DecodePool pool;

    private J2kDecoder(J2kCodestream stream, SampleSink sink, DecodePool pool) {
        this.stream = stream;
        this.sink = sink;
        this.pool = pool;
    }

    /**
     * The {@code count} samples of the image in {@code data}.
     *
     * @throws J2kUnsupportedException for a code stream using what this decoder leaves to JJ2000
     */
    static int[] decode(byte[] data, int count) throws DataFormatException, J2kUnsupportedException {
        int[] image = new int[count];
        decode(data, count, SampleSink.into(image), DecodePool.sequential());
        return image;
    }

    /**
     * The {@code count} samples of the image in {@code data}, row by row (a row of a tile at a time) into
     * {@code sink}, with the help of {@code pool}.
     *
     * @throws J2kUnsupportedException for a code stream using what this decoder leaves to JJ2000
     */
    static void decode(byte[] data, int count, SampleSink sink, DecodePool pool)
            throws DataFormatException, J2kUnsupportedException {
        J2kCodestream stream = J2kCodestream.read(data, count);
        J2kTile[] tiles = new J2kTile[stream.tiles.size()];
        for (int t = 0; t < tiles.length; t++) {
            J2kCodestream.Tile tile = stream.tiles.get(t);
            tiles[t] = new J2kTile(stream, t, tile.style, tile.quantization);
            long bytes = 0;
            for (int k = 0; k < tile.parts; k++) {
                bytes += tile.ranges[2 * k + 1] - tile.ranges[2 * k];
            }
            if (tiles[t].packets() > bytes) {
                throw new DataFormatException("JPEG 2000 code stream truncated: tile " + t + " has "
                        + tiles[t].packets() + " packets in " + bytes + " octets");
            }
        }
        J2kDecoder decoder = new J2kDecoder(stream, sink, pool);
        for (int t = 0; t < tiles.length; t++) {
            decoder.decodeTile(tiles[t], stream.tiles.get(t));
        }
    }

    private void decodeTile(J2kTile tile, J2kCodestream.Tile parts)
            throws DataFormatException, J2kUnsupportedException {
        byte[] data = stream.data;
        int start = parts.ranges[0];
        int end = parts.ranges[1];
        if (parts.parts > 1) {
            int length = 0;
            for (int k = 0; k < parts.parts; k++) {
                length += parts.ranges[2 * k + 1] - parts.ranges[2 * k];
            }
            data = new byte[length];
            for (int k = 0, at = 0; k < parts.parts; k++) {
                int n = parts.ranges[2 * k + 1] - parts.ranges[2 * k];
                System.arraycopy(stream.data, parts.ranges[2 * k], data, at, n);
                at += n;
            }
            start = 0;
            end = length;
        }
        readPackets(tile, new PacketReader(data, start, end, tile.style));

        int width = tile.x1 - tile.x0;
        int height = tile.y1 - tile.y0;
        int levels = tile.style.levels();
        Tier1 tier1 = new Tier1(tile, data, width);
        if (tile.style.reversible()) {
            int[] buffer = new int[width * height];
            tier1.decode(buffer, null);
            Dwt53[] dwt = new Dwt53[maxParts()];
            boolean shifted = false;
            for (int r = 1; r <= levels; r++) {
                Resolution res = tile.resolutions[r];
                Resolution low = tile.resolutions[r - 1];
                int w = res.width();
                int h = res.height();
                boolean evenX = (res.x0 & 1) == 0;
                boolean evenY = (res.y0 & 1) == 0;
                if (evenX && evenY && w >= 2 && h >= 2 && r == levels) {
                    // the last level: both passes in one sweep, bands of rows on the pool's threads, each row
                    // level shifted on its way to the sink
                    int lows = low.height();
                    int lowWidth = low.width();
                    inParts(
                            lows,
                            (long) w * h,
                            (p, from, to) -> dwt(dwt, p)
                                    .inverseRows(
                                            buffer, width, w, h, lowWidth, lows, from, to, shiftLevel(width, tile)));
                    shifted = true;
                    continue;
                }
                if (evenX && evenY && w >= 2 && h >= 2 && pool.parts((long) w * h) <= 1) {
                    // one thread: both passes in one sweep, in place
                    dwt(dwt, 0).inverseInPlace(buffer, width, w, h, low.width(), low.height());
                    continue;
                }
                inParts(
                        h,
                        (long) w * h,
                        (p, from, to) -> dwt(dwt, p).horizontal(buffer, width, from, to, w, low.width(), evenX));
                inParts(
                        w,
                        (long) w * h,
                        (p, from, to) -> dwt(dwt, p).vertical(buffer, width, from, to, h, low.height(), evenY));
            }
            if (!shifted) {
                inParts(height, (long) width * height, (p, from, to) -> shiftLevel(buffer, width, from, to, tile));
            }
        } else {
            float[] buffer = new float[width * height];
            tier1.decode(null, buffer);
            Dwt97[] dwt = new Dwt97[maxParts()];
            for (int r = 1; r <= levels; r++) {
                Resolution res = tile.resolutions[r];
                Resolution low = tile.resolutions[r - 1];
                int w = res.width();
                int h = res.height();
                boolean evenX = (res.x0 & 1) == 0;
                boolean evenY = (res.y0 & 1) == 0;
                inParts(
                        h,
                        (long) w * h,
                        (p, from, to) -> dwt97(dwt, p).horizontal(buffer, width, from, to, w, low.width(), evenX));
                inParts(
                        w,
                        (long) w * h,
                        (p, from, to) -> dwt97(dwt, p).vertical(buffer, width, from, to, h, low.height(), evenY));
            }
            inParts(height, (long) width * height, (p, from, to) -> shiftLevel(buffer, width, from, to, tile));
        }
    }

    /** A part of a pass over {@code lines} rows or columns: part {@code p}, lines {@code [from, to)}. */
    @FunctionalInterface
    private interface Lines {
        void run(int p, int from, int to);
    }

    private int maxParts() {
        return Math.max(1, pool.parts(Long.MAX_VALUE));
    }

    /** Splits {@code lines} lines, {@code samples} coefficients in all, into parts and runs them. */
    private void inParts(int lines, long samples, Lines part) throws DataFormatException {
        int parts = (int) Math.min(lines, pool.parts(samples));
        if (parts <= 1) {
            part.run(0, 0, lines);
            return;
        }
        pool.run(parts, p -> part.run(p, (int) ((long) lines * p / parts), (int) ((long) lines * (p + 1) / parts)));
    }

    private static Dwt53 dwt(Dwt53[] scratch, int p) {
        if (scratch[p] == null) {
            scratch[p] = new Dwt53();
        }
        return scratch[p];
    }

    private static Dwt97 dwt97(Dwt97[] scratch, int p) {
        if (scratch[p] == null) {
            scratch[p] = new Dwt97();
        }
        return scratch[p];
    }

    /** Packets in the progression order of the tile (B.12.1). */
    private static void readPackets(J2kTile tile, PacketReader reader)
            throws DataFormatException, J2kUnsupportedException {
        J2kCodingStyle s = tile.style;
        Resolution[] res = tile.resolutions;
        int layers = s.layers();
        switch (s.progression()) {
            case 0 -> { // LRCP
                for (int l = 0; l < layers; l++) {
                    for (Resolution r : res) {
                        int n = r.precinctsWide * r.precinctsHigh;
                        for (int k = 0; k < n; k++) {
                            reader.read(tile.precinct(r, k), l);
                        }
                    }
                }
            }
            case 1 -> { // RLCP
                for (Resolution r : res) {
                    int n = r.precinctsWide * r.precinctsHigh;
                    for (int l = 0; l < layers; l++) {
                        for (int k = 0; k < n; k++) {
                            reader.read(tile.precinct(r, k), l);
                        }
                    }
                }
            }
            case 2 -> { // RPCL: one component, so positions visit the precincts in raster order
                for (Resolution r : res) {
                    int n = r.precinctsWide * r.precinctsHigh;
                    for (int k = 0; k < n; k++) {
                        Precinct p = tile.precinct(r, k);
                        for (int l = 0; l < layers; l++) {
                            reader.read(p, l);
                        }
                    }
                }
            }
            default -> { // PCRL and CPRL, the same with one component
                long[] order = positionOrder(tile);
                for (long key : order) {
                    int r = (int) (key >>> 24 & 0x3f);
                    int k = (int) (key & 0xffffff);
                    Precinct p = tile.precinct(res[r], k);
                    for (int l = 0; l < layers; l++) {
                        reader.read(p, l);
                    }
                }
            }
        }
    }

    /**
     * Precincts of all resolutions sorted by where B.12.1.3's loops over the tile's reference grid meet
     * them: by y, then x, then resolution. Each is {@code (rank << 30) | (r << 24) | k}.
     */
    private static long[] positionOrder(J2kTile tile) throws DataFormatException {
        Resolution[] res = tile.resolutions;
        int levels = res.length - 1;
        int total = 0;
        for (Resolution r : res) {
            total += r.precinctsWide * r.precinctsHigh;
        }
        if (total >= 1 << 24) {
            throw new DataFormatException("JPEG 2000 tile with " + total + " precincts");
        }
        long[][] keys = new long[total][];
        int i = 0;
        for (Resolution r : res) {
            int shift = levels - r.level;
            for (int k = 0; k < r.precinctsWide * r.precinctsHigh; k++) {
                long px = r.px0 + k % r.precinctsWide;
                long py = r.py0 + k / r.precinctsWide;
                long x = Math.max(px << (r.ppx + shift), tile.x0);
                long y = Math.max(py << (r.ppy + shift), tile.y0);
                keys[i++] = new long[] {y, x, r.level, k};
            }
        }
        Arrays.sort(keys, (a, b) -> {
            for (int j = 0; j < 3; j++) {
                int c = Long.compare(a[j], b[j]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        long[] order = new long[total];
        for (int j = 0; j < total; j++) {
            order[j] = keys[j][2] << 24 | keys[j][3];
        }
        return order;
    }

    /**
     * Tier 1 of the code-blocks of a tile into the tile buffer: integers for 5/3, dequantized floats for
     * 9/7. Code-blocks are independent: parts of the list, of about equal coded size, decode on
     * whichever threads the pool has free, each with its own {@link CodeBlockDecoder}.
     */
    private final class Tier1 {
        private final J2kTile tile;
        private final byte[] data;
        private final int stride;
        private final CodeBlock[] blocks;
        private final Band[] bands;
        /** Octets of the code-blocks before each one, and in all at the end. */
        private final long[] octetsBefore;

        Tier1(J2kTile tile, byte[] data, int stride) {
            this.tile = tile;
            this.data = data;
            this.stride = stride;
            List<CodeBlock> coded = new ArrayList<>();
            List<Band> codedBands = new ArrayList<>();
            for (Resolution r : tile.resolutions) {
                if (r.precincts == null) {
                    continue;
                }
                for (Precinct p : r.precincts) {
                    if (p == null) {
                        continue;
                    }
                    for (PrecinctBand pb : p.bands) {
                        for (CodeBlock cb : pb.blocks) {
                            if (cb != null && cb.passes > 0) {
                                coded.add(cb);
                                codedBands.add(pb.band);
                            }
                        }
                    }
                }
            }
            int n = coded.size();
            blocks = coded.toArray(new CodeBlock[n]);
            bands = codedBands.toArray(new Band[n]);
            octetsBefore = new long[n + 1];
            for (int i = 0; i < n; i++) {
                CodeBlock cb = blocks[i];
                long octets = 0;
                for (int k = 0; k < cb.chunks; k++) {
                    octets += cb.chunk[3 * k + 2];
                }
                // a pass costs something even without octets
                octetsBefore[i + 1] = octetsBefore[i] + octets + cb.passes;
            }
        }

        void decode(int[] ints, float[] floats) throws DataFormatException {
            int n = blocks.length;
            long samples = (long) (tile.x1 - tile.x0) * (tile.y1 - tile.y0);
            // code-blocks differ in cost: small parts, so that the last one to end ends soon after the others
            int parts = (int) Math.min(n, 4L * pool.parts(samples));
            if (parts <= 1) {
                new Blocks().decode(0, n, ints, floats);
                return;
            }
            long total = octetsBefore[n];
            pool.run(parts, p -> {
                int from = p == 0 ? 0 : firstAfter(total * p / parts);
                int to = p == parts - 1 ? n : firstAfter(total * (p + 1) / parts);
                new Blocks().decode(from, to, ints, floats);
            });
        }

        /** The first code-block that starts at or after {@code octets}. */
        private int firstAfter(long octets) {
            int i = Arrays.binarySearch(octetsBefore, octets);
            if (i < 0) {
                i = -i - 1;
            }
            while (i > 0 && octetsBefore[i - 1] == octets) {
                i--;
            }
            return Math.min(i, blocks.length);
        }

        /** One thread's tier 1: its decoder and the scratch for code-blocks whose segments lie apart. */
        private final class Blocks {
            private final CodeBlockDecoder decoder = new CodeBlockDecoder();
            private byte[] scratch = new byte[0];
            private int[] segmentStart = new int[8];
            private int[] segmentEnd = new int[8];

            void decode(int from, int to, int[] ints, float[] floats) {
                int style = tile.style.blockStyle();
                int shift = floats != null ? 1 : 0;
                for (int i = from; i < to; i++) {
                    CodeBlock cb = blocks[i];
                    Band band = bands[i];
                    byte[] bytes = segments(cb);
                    decoder.decode(
                            cb.x1 - cb.x0,
                            cb.y1 - cb.y0,
                            band.orientation,
                            style,
                            band.magnitudeBits - 1 - cb.zeroPlanes + shift,
                            cb.passes,
                            bytes,
                            cb.segments,
                            cb.segmentPasses,
                            segmentStart,
                            segmentEnd);
                    int offset = (band.bufferY + cb.y0 - band.y0) * stride + band.bufferX + cb.x0 - band.x0;
                    if (floats == null) {
                        decoder.copyTo(ints, offset, stride);
                    } else {
                        decoder.copyTo(floats, offset, stride, band.step / 2);
                    }
                }
            }

            /** Sets the segment bounds of a code-block; its bytes, gathered into one array if they are apart. */
            private byte[] segments(CodeBlock cb) {
                if (segmentStart.length < cb.segments) {
                    segmentStart = new int[cb.segments];
                    segmentEnd = new int[cb.segments];
                }
                if (cb.chunks == cb.segments) {
                    for (int k = 0; k < cb.chunks; k++) {
                        segmentStart[k] = cb.chunk[3 * k + 1];
                        segmentEnd[k] = segmentStart[k] + cb.chunk[3 * k + 2];
                    }
                    return data;
                }
                int total = 0;
                for (int k = 0; k < cb.chunks; k++) {
                    total += cb.chunk[3 * k + 2];
                }
                if (scratch.length < total) {
                    scratch = new byte[Math.max(total, 2 * scratch.length)];
                }
                Arrays.fill(segmentStart, 0, cb.segments, -1);
                int at = 0;
                for (int k = 0; k < cb.chunks; k++) {
                    int s = cb.chunk[3 * k];
                    int length = cb.chunk[3 * k + 2];
                    if (segmentStart[s] < 0) {
                        segmentStart[s] = at;
                    }
                    System.arraycopy(data, cb.chunk[3 * k + 1], scratch, at, length);
                    at += length;
                    segmentEnd[s] = at;
                }
                return scratch;
            }
        }
    }

    /** G.1.2: adds 2^(precision - 1) to rows {@code [from, to)} of the tile, clips to the precision, hands them on. */
    private void shiftLevel(int[] buffer, int width, int from, int to, J2kTile tile) {
        int precision = stream.precision;
        int dc = 1 << (precision - 1);
        int max = (int) ((1L << precision) - 1);
        int imageWidth = stream.width();
        int[] row = new int[width];
        for (int y = from; y < to; y++) {
            int at = y * width;
            for (int x = 0; x < width; x++) {
                row[x] = clip(buffer[at + x] + dc, max);
            }
            sink.accept(row, width, (tile.y0 - stream.y0 + y) * imageWidth + tile.x0 - stream.x0, 1);
        }
    }

    /**
     * G.1.2 as {@link #shiftLevel(int[], int, int, int, J2kTile)}, for rows of the tile as they are made,
     * even columns then odd ones: each half goes to the sink with a step of 2.
     */
    private Dwt53.Rows shiftLevel(int width, J2kTile tile) {
        int precision = stream.precision;
        int dc = 1 << (precision - 1);
        int max = (int) ((1L << precision) - 1);
        int imageWidth = stream.width();
        int first = (tile.y0 - stream.y0) * imageWidth + tile.x0 - stream.x0;
        int[] row = new int[width];
        int[] odd = new int[width / 2];
        return (samples, evens, y) -> {
            for (int x = 0; x < width; x++) {
                row[x] = clip(samples[x] + dc, max);
            }
            System.arraycopy(row, evens, odd, 0, width - evens);
            sink.accept(row, evens, first + y * imageWidth, 2);
            sink.accept(odd, width - evens, first + y * imageWidth + 1, 2);
        };
    }

    private void shiftLevel(float[] buffer, int width, int from, int to, J2kTile tile) {
        int precision = stream.precision;
        int dc = 1 << (precision - 1);
        int max = (int) ((1L << precision) - 1);
        int imageWidth = stream.width();
        int[] row = new int[width];
        for (int y = from; y < to; y++) {
            int at = y * width;
            for (int x = 0; x < width; x++) {
                row[x] = clip((int) Math.floor(buffer[at + x] + 0.5f) + dc, max);
            }
            sink.accept(row, width, (tile.y0 - stream.y0 + y) * imageWidth + tile.x0 - stream.x0, 1);
        }
    }

    /**
     * {@code v} clipped to {@code [0, max]} ({@code max} positive) with masks, not comparisons: the JIT
     * vectorizes the loops that clip a row (0.08 ms a 1500 x 751 field, against 0.5 with the comparisons).
     */
    private static int clip(int v, int max) {
        int low = v & ~(v >> 31);
        int over = max - low;
        return low + (over & (over >> 31));
    }
}
