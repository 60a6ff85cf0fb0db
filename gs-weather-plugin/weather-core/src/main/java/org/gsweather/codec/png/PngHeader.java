package org.gsweather.codec.png;

import java.nio.ByteBuffer;
import org.gsweather.field.DataFormatException;

/**
 * The IHDR chunk of a PNG image (PNG specification, 11.2.2).
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param bitDepth bits per sample: 1, 2, 4, 8 or 16
 * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA
 * @param interlaced whether the rows come in the seven passes of Adam7 (8.2)
 */
record PngHeader(int width, int height, int bitDepth, int colourType, boolean interlaced) {
    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    /** Reads and checks the 13 data octets of IHDR at {@code pos}. */
    static PngHeader read(ByteBuffer png, int pos, long length) throws DataFormatException {
        if (length != 13) {
            throw new DataFormatException("PNG IHDR chunk holds " + length + " octets instead of 13");
        }
        long width = PngDecoder.u4(png, pos);
        long height = PngDecoder.u4(png, pos + 4);
        int depth = png.get(pos + 8) & 0xff;
        int colour = png.get(pos + 9) & 0xff;
        int compression = png.get(pos + 10) & 0xff;
        int filter = png.get(pos + 11) & 0xff;
        int interlace = png.get(pos + 12) & 0xff;
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new DataFormatException(
                    "PNG IHDR: image of " + width + " x " + height + " pixels (each must be 1 to 2^31-1)");
        }
        if (!allowed(colour, depth)) {
            throw new DataFormatException(
                    "PNG IHDR: bit depth " + depth + " is not allowed with colour type " + colour);
        }
        if (compression != 0) {
            throw new DataFormatException("PNG IHDR: compression method " + compression + " (only 0, deflate, exists)");
        }
        if (filter != 0) {
            throw new DataFormatException("PNG IHDR: filter method " + filter + " (only 0 exists)");
        }
        if (interlace > 1) {
            throw new DataFormatException("PNG IHDR: interlace method " + interlace + " (0 none or 1 Adam7)");
        }
        return new PngHeader((int) width, (int) height, depth, colour, interlace == 1);
    }

    /** Colour type and bit depth combinations of table 11.1. */
    private static boolean allowed(int colour, int depth) {
        return switch (colour) {
            case GREY -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case PALETTE -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case RGB, GREY_ALPHA, RGBA -> depth == 8 || depth == 16;
            default -> false;
        };
    }

    int channels() {
        return switch (colourType) {
            case RGB -> 3;
            case GREY_ALPHA -> 2;
            case RGBA -> 4;
            default -> 1;
        };
    }

    int bitsPerPixel() {
        return channels() * bitDepth;
    }

    /** Octets per complete pixel, at least 1: how far back the filters look (9.2). */
    int filterStep() {
        return Math.max(1, bitsPerPixel() / 8);
    }

    /** Octets of a row of {@code pixels} pixels, without its filter type octet. */
    long rowBytes(long pixels) {
        return (pixels * bitsPerPixel() + 7) >>> 3;
    }
}
