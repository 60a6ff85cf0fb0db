package org.gsweather.render;

import java.util.Arrays;

/**
 * A rendered image: either palette indices ({@link #indexed()}) or ARGB pixels, {@code width} by {@code
 * height}, row-major. Layers draw into it in turn; the first overlay turns an indexed canvas into ARGB.
 * Not thread-safe.
 */
public final class Canvas {
    private final int width;
    private final int height;
    private byte[] indices;
    private int[] palette;
    private int paletteSize;
    private int[] argb;
    private boolean blank = true;

    public Canvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether nothing visible has been drawn. */
    public boolean blank() {
        return blank;
    }

    public boolean indexed() {
        return argb == null && indices != null;
    }

    /** Sets the whole image to palette indices (the first layer of a ramp). */
    void setIndexed(byte[] indices, int[] palette, int paletteSize, boolean visible) {
        this.indices = indices;
        this.palette = palette;
        this.paletteSize = paletteSize;
        this.argb = null;
        this.blank = !visible;
    }

    /** The ARGB pixels, converting from indices on first use. */
    int[] argb() {
        if (argb == null) {
            argb = spare != null ? spare : new int[width * height];
            spare = null;
            if (indices != null) {
                for (int k = 0; k < argb.length; k++) {
                    argb[k] = palette[indices[k] & 0xff];
                }
            }
            indices = null;
        }
        return argb;
    }

    void markDrawn() {
        blank = false;
    }

    /** The color of one pixel (ARGB). */
    public int pixel(int x, int y) {
        if (argb != null) {
            return argb[y * width + x];
        }
        return indices == null ? 0 : palette[indices[y * width + x] & 0xff];
    }

    /** A copy of all pixels as ARGB. */
    public int[] pixels() {
        if (argb != null) {
            return argb.clone();
        }
        int[] out = new int[width * height];
        if (indices != null) {
            for (int k = 0; k < out.length; k++) {
                out[k] = palette[indices[k] & 0xff];
            }
        }
        return out;
    }

    /** A copy of the palette indices of an {@link #indexed()} canvas, row-major; null when it is not indexed. */
    public byte[] indicesCopy() {
        return indexed() ? Arrays.copyOf(indices, width * height) : null;
    }

    /** A copy of the palette (ARGB) of an {@link #indexed()} canvas; null when it is not indexed. */
    public int[] paletteCopy() {
        return indexed() ? Arrays.copyOf(palette, paletteSize) : null;
    }

    /**
     * All pixels as bytes alpha, blue, green, red (the layout of {@code BufferedImage.TYPE_4BYTE_ABGR}, which
     * GeoServer's renderer and PNG encoder take without converting pixel by pixel), in a new array.
     */
    public byte[] abgrBytes() {
        int n = width * height;
        byte[] out = new byte[4 * n];
        for (int k = 0, b = 0; k < n; k++, b += 4) {
            int p = argb != null ? argb[k] : indices != null ? palette[indices[k] & 0xff] : 0;
            out[b] = (byte) (p >>> 24);
            out[b + 1] = (byte) p;
            out[b + 2] = (byte) (p >>> 8);
            out[b + 3] = (byte) (p >>> 16);
        }
        return out;
    }

    /** Encodes as PNG (indexed when possible, the shared blank tile when nothing is visible). */
    public byte[] toPng(PngEncoder encoder) {
        if (blank) {
            return PngEncoder.blank(width, height);
        }
        if (argb == null && indices != null) {
            return encoder.encodeIndexed(indices, width, height, palette, paletteSize);
        }
        return encoder.encode(argb != null ? argb : new int[width * height], width, height);
    }

    /** Empties the canvas for the next image, keeping its ARGB buffer. */
    void reset() {
        if (argb != null) {
            Arrays.fill(argb, 0);
            spare = argb;
        }
        argb = null;
        indices = null;
        blank = true;
    }

    private int[] spare;
}
