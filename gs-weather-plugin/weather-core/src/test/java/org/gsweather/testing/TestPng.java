package org.gsweather.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntUnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Test-only PNG writer that chooses the filter of every row, so that each filter of every pixel layout
 * is exercised, and builds chunks one by one for malformed files. Pixels are the integers X of
 * template 5.41: the grey sample, {@code R<<16|G<<8|B} or {@code R<<24|G<<16|B<<8|A}.
 */
public final class TestPng {
    public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int[][] ADAM7 = {
        {0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}
    };

    public final int width;
    public final int height;
    public final int depth;
    public final int colour;
    public boolean interlaced;
    /** Filter type of each row, by the row's index in the filtered stream. */
    public IntUnaryOperator filter = row -> row % 5;

    public int idatSize = Integer.MAX_VALUE;

    public TestPng(int width, int height, int depth, int colour) {
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.colour = colour;
    }

    public int channels() {
        return switch (colour) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
    }

    public int bitsPerPixel() {
        return channels() * depth;
    }

    /** A complete PNG file of the pixels {@code x} (row by row). */
    public byte[] png(long[] x) {
        return concat(SIGNATURE, ihdr(), idat(zlib(scanlines(x))), chunk("IEND", new byte[0]));
    }

    public byte[] ihdr() {
        return ihdr(width, height, depth, colour, interlaced ? 1 : 0);
    }

    public static byte[] ihdr(int width, int height, int depth, int colour, int interlace) {
        ByteBuffer b = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) depth)
                .put((byte) colour)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) interlace);
        return chunk("IHDR", b.array());
    }

    /** The data split in IDAT chunks of {@link #idatSize} octets. */
    public byte[] idat(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        do {
            int n = Math.min(idatSize, data.length - pos);
            byte[] part = new byte[n];
            System.arraycopy(data, pos, part, 0, n);
            out.writeBytes(chunk("IDAT", part));
            pos += n;
        } while (pos < data.length);
        return out.toByteArray();
    }

    /** The filtered scanlines (each with its filter type octet) of all rows or Adam7 passes. */
    public byte[] scanlines(long[] x) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] rowIndex = {0};
        for (int[] p : interlaced ? ADAM7 : new int[][] {{0, 0, 1, 1}}) {
            int w = width > p[0] ? (width - p[0] + p[2] - 1) / p[2] : 0;
            int h = height > p[1] ? (height - p[1] + p[3] - 1) / p[3] : 0;
            if (w == 0 || h == 0) {
                continue;
            }
            int n = (w * bitsPerPixel() + 7) / 8;
            byte[] prev = new byte[n];
            for (int j = 0; j < h; j++) {
                byte[] raw = new byte[n];
                for (int k = 0; k < w; k++) {
                    put(raw, k, x[(p[1] + j * p[3]) * width + p[0] + k * p[2]]);
                }
                int type = filter.applyAsInt(rowIndex[0]++);
                out.write(type);
                out.writeBytes(filter(type, raw, prev, Math.max(1, bitsPerPixel() / 8)));
                prev = raw;
            }
        }
        return out.toByteArray();
    }

    private void put(byte[] raw, int k, long x) {
        int bpp = bitsPerPixel();
        if (bpp < 8) {
            int bit = k * bpp;
            raw[bit / 8] |= (byte) (x << (8 - bpp - bit % 8));
            return;
        }
        for (int b = 0; b < bpp / 8; b++) {
            raw[k * bpp / 8 + b] = (byte) (x >>> (bpp - 8 - 8 * b));
        }
    }

    /** Filters a row (PNG specification 9.2): the difference between each octet and its predictor. */
    public static byte[] filter(int type, byte[] raw, byte[] prev, int step) {
        byte[] f = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int a = i >= step ? raw[i - step] & 0xff : 0;
            int b = prev[i] & 0xff;
            int c = i >= step ? prev[i - step] & 0xff : 0;
            int predictor = switch (type) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) / 2;
                case 4 -> paeth(a, b, c);
                default -> throw new IllegalArgumentException("filter " + type);
            };
            f[i] = (byte) (raw[i] - predictor);
        }
        return f;
    }

    /** The Paeth predictor exactly as 9.4 writes it. */
    public static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    public static byte[] zlib(byte[] raw) {
        Deflater deflater = new Deflater(6);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A chunk with its length and CRC (5.3). */
    public static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length + 12);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, data.length + 4);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The inflated IDAT data of a PNG file (a test oracle independent of the decoder). */
    public static byte[] inflatedImageData(ByteBuffer png) throws Exception {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        int pos = 8;
        while (pos < png.limit()) {
            int length = png.getInt(pos);
            String type = new String(
                    new byte[] {png.get(pos + 4), png.get(pos + 5), png.get(pos + 6), png.get(pos + 7)},
                    StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                byte[] part = new byte[length];
                png.get(pos + 8, part);
                idat.writeBytes(part);
            }
            if (type.equals("IEND")) {
                break;
            }
            pos += length + 12;
        }
        Inflater inflater = new Inflater();
        inflater.setInput(idat.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!inflater.finished()) {
            int n = inflater.inflate(buf);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new IllegalStateException("incomplete zlib stream");
            }
            out.write(buf, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }

    /** How many rows of a non-interlaced PNG use each filter type. */
    public static int[] filterHistogram(ByteBuffer png, int height, int rowBytes) throws Exception {
        byte[] raw = inflatedImageData(png);
        int[] histogram = new int[5];
        for (int r = 0; r < height; r++) {
            histogram[raw[r * (rowBytes + 1)]]++;
        }
        return histogram;
    }
}
