package org.gsweather.render;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG writer for tiles: indexed 8-bit color with PLTE and tRNS when an image has at most 256 colors,
 * 8-bit RGBA otherwise (filter chosen per row), deflated by {@link Deflater}. An image without a single
 * visible pixel is written as one shared blank tile of its size. Not thread-safe: keep one per thread;
 * buffers are reused from image to image.
 */
public final class PngEncoder {
    /** Fast deflate: within 5-35% of level 4's size at about half its time (docs/rendering.md). */
    public static final int DEFAULT_LEVEL = 2;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ConcurrentHashMap<Long, byte[]> BLANK = new ConcurrentHashMap<>();

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] raw = new byte[0];
    private byte[] out = new byte[1 << 16];
    private int size;
    private byte[] indices = new byte[0];
    private final int[] hashKeys = new int[1024];
    private final short[] hashValues = new short[1024];
    private final int[] colors = new int[256];
    private final int level;

    public PngEncoder() {
        this(DEFAULT_LEVEL);
    }

    /** @param level deflate level, 0 (store) to 9 (smallest) */
    public PngEncoder(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level " + level + " out of range 0-9");
        }
        this.level = level;
        this.deflater = new Deflater(level);
    }

    /** An indexed image: {@code pixels[y * width + x]} indexes {@code palette} (ARGB). */
    public byte[] encodeIndexed(byte[] pixels, int width, int height, int[] palette, int paletteSize) {
        boolean visible = false;
        for (int k = 0; k < paletteSize && !visible; k++) {
            visible = (palette[k] >>> 24) != 0;
        }
        if (!visible) {
            return blank(width, height);
        }
        int stride = width + 1;
        ensureRaw(stride * height);
        for (int y = 0; y < height; y++) {
            raw[y * stride] = 0;
            System.arraycopy(pixels, y * width, raw, y * stride + 1, width);
        }
        size = 0;
        header(width, height, 3);
        chunkStart(3 * paletteSize);
        int p = size;
        ensureOut(size + 3 * paletteSize + 64);
        for (int k = 0; k < paletteSize; k++) {
            out[p++] = (byte) (palette[k] >> 16);
            out[p++] = (byte) (palette[k] >> 8);
            out[p++] = (byte) palette[k];
        }
        size = p;
        chunkEnd("PLTE");
        int lastTranslucent = -1;
        for (int k = 0; k < paletteSize; k++) {
            if ((palette[k] >>> 24) != 255) {
                lastTranslucent = k;
            }
        }
        if (lastTranslucent >= 0) {
            chunkStart(lastTranslucent + 1);
            for (int k = 0; k <= lastTranslucent; k++) {
                out[size++] = (byte) (palette[k] >>> 24);
            }
            chunkEnd("tRNS");
        }
        deflater.setStrategy(Deflater.DEFAULT_STRATEGY);
        idat(stride * height);
        return finish();
    }

    /**
     * An ARGB image (non-premultiplied): indexed when it has at most 256 distinct colors, RGBA otherwise.
     */
    public byte[] encode(int[] argb, int width, int height) {
        int n = width * height;
        boolean visible = false;
        for (int k = 0; k < n; k++) {
            if ((argb[k] >>> 24) != 0) {
                visible = true;
                break;
            }
        }
        if (!visible) {
            return blank(width, height);
        }
        int count = index(argb, n);
        if (count > 0) {
            return encodeIndexed(indices, width, height, colors, count);
        }
        return encodeRgba(argb, width, height);
    }

    /** The number of distinct colors with indices in {@link #indices}, or 0 when more than 256. */
    private int index(int[] argb, int n) {
        if (indices.length < n) {
            indices = new byte[n];
        }
        Arrays.fill(hashValues, (short) -1);
        int count = 0;
        int last = ~argb[0];
        int lastIndex = 0;
        for (int k = 0; k < n; k++) {
            int c = argb[k];
            if ((c >>> 24) == 0) {
                c = 0; // one transparent color whatever its RGB
            }
            if (c != last) {
                int h = (c * 0x9E3779B9) >>> 22;
                while (hashValues[h] >= 0 && hashKeys[h] != c) {
                    h = (h + 1) & 1023;
                }
                if (hashValues[h] < 0) {
                    if (count == 256) {
                        return 0;
                    }
                    hashKeys[h] = c;
                    hashValues[h] = (short) count;
                    colors[count++] = c;
                }
                last = c;
                lastIndex = hashValues[h];
            }
            indices[k] = (byte) lastIndex;
        }
        return count;
    }

    private byte[] encodeRgba(int[] argb, int width, int height) {
        int rowBytes = 4 * width;
        int stride = rowBytes + 1;
        ensureRaw(stride * height + 5 * rowBytes);
        // the current and previous rows as plain RGBA, after the filtered image
        int cur = stride * height;
        int prev = cur + rowBytes;
        Arrays.fill(raw, prev, prev + rowBytes, (byte) 0);
        for (int y = 0; y < height; y++) {
            int p = cur;
            for (int x = 0; x < width; x++) {
                int c = argb[y * width + x];
                raw[p++] = (byte) (c >> 16);
                raw[p++] = (byte) (c >> 8);
                raw[p++] = (byte) c;
                raw[p++] = (byte) (c >>> 24);
            }
            int dst = y * stride;
            int best = bestFilter(cur, prev, rowBytes);
            raw[dst] = (byte) best;
            filter(best, cur, prev, dst + 1, rowBytes);
            System.arraycopy(raw, cur, raw, prev, rowBytes);
        }
        size = 0;
        header(width, height, 6);
        deflater.setStrategy(Deflater.FILTERED);
        idat(stride * height);
        return finish();
    }

    /**
     * The filter (None, Sub, Up or Paeth) whose output has the smallest sum of absolute values, the
     * heuristic the PNG specification recommends.
     */
    private int bestFilter(int cur, int prev, int n) {
        byte[] r = raw;
        int none = 0, sub = 0, up = 0, paeth = 0;
        for (int k = 0; k < n; k++) {
            int x = r[cur + k] & 0xff;
            int b = r[prev + k] & 0xff;
            int a = k >= 4 ? r[cur + k - 4] & 0xff : 0;
            int c = k >= 4 ? r[prev + k - 4] & 0xff : 0;
            none += Math.abs((byte) x);
            sub += Math.abs((byte) (x - a));
            up += Math.abs((byte) (x - b));
            int p = a + b - c;
            int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
            paeth += Math.abs((byte) (x - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)));
        }
        int best = 0;
        int min = none;
        if (sub < min) {
            min = sub;
            best = 1;
        }
        if (up < min) {
            min = up;
            best = 2;
        }
        if (paeth < min) {
            best = 4;
        }
        return best;
    }

    /** Filters a row into {@code raw[to...]}. */
    private void filter(int type, int cur, int prev, int to, int n) {
        byte[] r = raw;
        switch (type) {
            case 0 -> System.arraycopy(r, cur, r, to, n);
            case 1 -> {
                for (int k = 0; k < n; k++) {
                    r[to + k] = (byte) (r[cur + k] - (k >= 4 ? r[cur + k - 4] : 0));
                }
            }
            case 2 -> {
                for (int k = 0; k < n; k++) {
                    r[to + k] = (byte) (r[cur + k] - r[prev + k]);
                }
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    int x = r[cur + k] & 0xff;
                    int b = r[prev + k] & 0xff;
                    int a = k >= 4 ? r[cur + k - 4] & 0xff : 0;
                    int c = k >= 4 ? r[prev + k - 4] & 0xff : 0;
                    int p = a + b - c;
                    int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
                    r[to + k] = (byte) (x - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c));
                }
            }
        }
    }

    private void header(int width, int height, int colorType) {
        ensureOut(64);
        System.arraycopy(SIGNATURE, 0, out, 0, 8);
        size = 8;
        chunkStart(13);
        putInt(width);
        putInt(height);
        out[size++] = 8;
        out[size++] = (byte) colorType;
        out[size++] = 0;
        out[size++] = 0;
        out[size++] = 0;
        chunkEnd("IHDR");
    }

    private void idat(int length) {
        deflater.reset();
        deflater.setLevel(level);
        deflater.setInput(raw, 0, length);
        deflater.finish();
        int lengthAt = size;
        chunkStart(0);
        while (!deflater.finished()) {
            ensureOut(size + 8192 + 16);
            size += deflater.deflate(out, size, out.length - size - 16);
        }
        int dataLength = size - lengthAt - 8;
        out[lengthAt] = (byte) (dataLength >>> 24);
        out[lengthAt + 1] = (byte) (dataLength >>> 16);
        out[lengthAt + 2] = (byte) (dataLength >>> 8);
        out[lengthAt + 3] = (byte) dataLength;
        chunkEnd("IDAT");
    }

    private byte[] finish() {
        chunkStart(0);
        chunkEnd("IEND");
        return Arrays.copyOf(out, size);
    }

    private int chunkData;

    /** Writes the length and leaves room for the type, which {@link #chunkEnd} fills in. */
    private void chunkStart(int length) {
        ensureOut(size + length + 12);
        putInt(length);
        size += 4;
        chunkData = size;
    }

    private void chunkEnd(String type) {
        int typeAt = chunkData - 4;
        for (int k = 0; k < 4; k++) {
            out[typeAt + k] = (byte) type.charAt(k);
        }
        crc.reset();
        crc.update(out, typeAt, size - typeAt);
        ensureOut(size + 4);
        putInt((int) crc.getValue());
    }

    private void putInt(int v) {
        out[size++] = (byte) (v >>> 24);
        out[size++] = (byte) (v >>> 16);
        out[size++] = (byte) (v >>> 8);
        out[size++] = (byte) v;
    }

    private void ensureRaw(int n) {
        if (raw.length < n) {
            raw = new byte[n];
        }
    }

    private void ensureOut(int n) {
        if (out.length < n) {
            out = Arrays.copyOf(out, Math.max(n, 2 * out.length));
        }
    }

    /** The shared fully transparent tile of a size (1-bit indexed, one transparent palette entry). */
    public static byte[] blank(int width, int height) {
        byte[] b = BLANK.computeIfAbsent(((long) width << 32) | height, k -> {
            PngEncoder e = new PngEncoder(9);
            return e.encodeBlank(width, height);
        });
        return b;
    }

    private byte[] encodeBlank(int width, int height) {
        int stride = width + 1;
        ensureRaw(stride * height);
        Arrays.fill(raw, 0, stride * height, (byte) 0);
        size = 0;
        header(width, height, 3);
        chunkStart(3);
        out[size++] = 0;
        out[size++] = 0;
        out[size++] = 0;
        chunkEnd("PLTE");
        chunkStart(1);
        out[size++] = 0;
        chunkEnd("tRNS");
        idat(stride * height);
        return finish();
    }
}
