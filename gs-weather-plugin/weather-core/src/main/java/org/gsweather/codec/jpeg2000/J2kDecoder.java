package org.gsweather.codec.jpeg2000;

import java.util.Arrays;
import org.gsweather.codec.jpeg2000.J2kTile.Band;
import org.gsweather.codec.jpeg2000.J2kTile.CodeBlock;
import org.gsweather.codec.jpeg2000.J2kTile.Precinct;
import org.gsweather.codec.jpeg2000.J2kTile.PrecinctBand;
import org.gsweather.codec.jpeg2000.J2kTile.Resolution;
import org.gsweather.field.DataFormatException;

/**
 * Decodes a single-component JPEG 2000 code stream (ISO/IEC 15444-1) into its unsigned samples, row by
 * row: tier 2 ({@link PacketReader}), tier 1 ({@link CodeBlockDecoder}), the inverse wavelet
 * transformation ({@link Dwt53}, {@link Dwt97}) and the DC level shift (G.1.2).
 */
final class J2kDecoder {
    private final J2kCodestream stream;
    private final CodeBlockDecoder blocks = new CodeBlockDecoder();
    private byte[] scratch = new byte[0];
    private int[] segmentStart = new int[8];
    private int[] segmentEnd = new int[8];

    private final int[] image;

    private J2kDecoder(J2kCodestream stream, int[] image) {
        this.stream = stream;
        this.image = image;
    }

    /**
     * The {@code count} samples of the image in {@code data}.
     *
     * @throws J2kUnsupportedException for a code stream using what this decoder leaves to JJ2000
     */
    static int[] decode(byte[] data, int count) throws DataFormatException, J2kUnsupportedException {
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
        J2kDecoder decoder = new J2kDecoder(stream, new int[count]);
        for (int t = 0; t < tiles.length; t++) {
            decoder.decodeTile(tiles[t], stream.tiles.get(t), decoder.image);
        }
        return decoder.image;
    }

    private void decodeTile(J2kTile tile, J2kCodestream.Tile parts, int[] image)
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
        boolean whole = width == stream.width() && height == stream.height();
        int levels = tile.style.levels();
        if (tile.style.reversible()) {
            int[] buffer = whole ? image : new int[width * height];
            decodeBlocks(tile, data, buffer, null, width);
            Dwt53 dwt = new Dwt53();
            for (int r = 1; r <= levels; r++) {
                Resolution res = tile.resolutions[r];
                Resolution low = tile.resolutions[r - 1];
                dwt.inverse(
                        buffer,
                        width,
                        res.width(),
                        res.height(),
                        low.width(),
                        low.height(),
                        (res.x0 & 1) == 0,
                        (res.y0 & 1) == 0);
            }
            shiftLevel(buffer, width, height, tile, image);
        } else {
            float[] buffer = new float[width * height];
            decodeBlocks(tile, data, null, buffer, width);
            Dwt97 dwt = new Dwt97();
            for (int r = 1; r <= levels; r++) {
                Resolution res = tile.resolutions[r];
                Resolution low = tile.resolutions[r - 1];
                dwt.inverse(
                        buffer,
                        width,
                        res.width(),
                        res.height(),
                        low.width(),
                        low.height(),
                        (res.x0 & 1) == 0,
                        (res.y0 & 1) == 0);
            }
            shiftLevel(buffer, width, height, tile, image);
        }
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

    /** Tier 1 of every code-block into the tile buffer, integers for 5/3, dequantized floats for 9/7. */
    private void decodeBlocks(J2kTile tile, byte[] data, int[] ints, float[] floats, int stride) {
        int style = tile.style.blockStyle();
        for (Resolution r : tile.resolutions) {
            if (r.precincts == null) {
                continue;
            }
            for (Precinct p : r.precincts) {
                if (p == null) {
                    continue;
                }
                for (PrecinctBand pb : p.bands) {
                    Band band = pb.band;
                    for (CodeBlock cb : pb.blocks) {
                        if (cb == null || cb.passes == 0) {
                            continue;
                        }
                        byte[] bytes = segments(cb, data);
                        int shift = floats != null ? 1 : 0;
                        blocks.decode(
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
                            blocks.copyTo(ints, offset, stride);
                        } else {
                            blocks.copyTo(floats, offset, stride, band.step / 2);
                        }
                    }
                }
            }
        }
    }

    /** Sets the segment bounds of a code-block; its bytes, gathered into one array if they are apart. */
    private byte[] segments(CodeBlock cb, byte[] data) {
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

    /** G.1.2: adds 2^(precision - 1), clips to the precision, writes the tile into the image. */
    private void shiftLevel(int[] buffer, int width, int height, J2kTile tile, int[] image) {
        int precision = stream.precision;
        int dc = 1 << (precision - 1);
        int max = (int) ((1L << precision) - 1);
        int imageWidth = stream.width();
        for (int y = 0; y < height; y++) {
            int from = y * width;
            int to = (tile.y0 - stream.y0 + y) * imageWidth + tile.x0 - stream.x0;
            for (int x = 0; x < width; x++) {
                int v = buffer[from + x] + dc;
                image[to + x] = v < 0 ? 0 : v > max ? max : v;
            }
        }
    }

    private void shiftLevel(float[] buffer, int width, int height, J2kTile tile, int[] image) {
        int precision = stream.precision;
        int dc = 1 << (precision - 1);
        int max = (int) ((1L << precision) - 1);
        int imageWidth = stream.width();
        for (int y = 0; y < height; y++) {
            int from = y * width;
            int to = (tile.y0 - stream.y0 + y) * imageWidth + tile.x0 - stream.x0;
            for (int x = 0; x < width; x++) {
                int v = (int) Math.floor(buffer[from + x] + 0.5f) + dc;
                image[to + x] = v < 0 ? 0 : v > max ? max : v;
            }
        }
    }
}
