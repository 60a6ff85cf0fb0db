package org.gsweather.geoserver;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The same image with a palette, when it has at most 256 colors (ramps and symbols on a transparent background do):
 * its tiles then encode as indexed PNGs, a quarter of the bytes to filter and compress, with exactly the pixels of
 * the RGBA image.
 */
final class PaletteImages {
    static final int MAX_COLORS = 256;

    private PaletteImages() {}

    /**
     * The image with an {@link IndexColorModel} of its colors, or null when it has more than {@value #MAX_COLORS}
     * colors or a layout this does not read (only 8-bit RGBA bytes and packed ARGB ints, not premultiplied).
     */
    static BufferedImage indexed(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (image.getColorModel().isAlphaPremultiplied()
                || raster.getMinX() != 0
                || raster.getMinY() != 0
                || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] indices = new byte[w * h];
        Palette palette = new Palette();
        boolean read = raster.getDataBuffer() instanceof DataBufferByte bytes
                        && image.getColorModel() instanceof ComponentColorModel
                        && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                        && sm.getNumBands() == 4
                        && sm.getPixelStride() == 4
                        && bytes.getNumBanks() == 1
                ? fromBytes(bytes, (PixelInterleavedSampleModel) raster.getSampleModel(), w, h, palette, indices)
                : raster.getDataBuffer() instanceof DataBufferInt ints
                        && image.getColorModel() instanceof DirectColorModel dcm
                        && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sp
                        && ints.getNumBanks() == 1
                        && dcm.getRedMask() == 0xff0000
                        && dcm.getGreenMask() == 0xff00
                        && dcm.getBlueMask() == 0xff
                        && (dcm.getAlphaMask() == 0xff000000 || !dcm.hasAlpha())
                        && fromInts(ints, sp.getScanlineStride(), dcm.hasAlpha(), w, h, palette, indices);
        if (!read) {
            return null;
        }
        WritableRaster out = Raster.createInterleavedRaster(
                new DataBufferByte(indices, indices.length), w, h, w, 1, new int[] {0}, null);
        return new BufferedImage(palette.colorModel(), out, false, null);
    }

    /** Four bytes of a pixel as one int, the first byte lowest. */
    private static final VarHandle PIXEL = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Two pixels, the first in the lower half. */
    private static final VarHandle PAIR = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Reads each pixel's four bytes as one int (the palette is keyed by that int and turned into ARGB once per color
     * at the end): a quarter of the work of putting each pixel's bytes together.
     */
    private static boolean fromBytes(
            DataBufferByte buffer, PixelInterleavedSampleModel sm, int w, int h, Palette palette, byte[] indices) {
        byte[] d = buffer.getData();
        int stride = sm.getScanlineStride();
        long run = 0; // two pixels of the last color: a pair equal to it is two more of that color
        byte last = 0;
        boolean inRun = false;
        for (int y = 0, k = 0; y < h; y++) {
            int p = buffer.getOffset() + y * stride;
            int x = 0;
            for (; x + 1 < w; x += 2, k += 2, p += 8) {
                long pair = (long) PAIR.get(d, p);
                if (inRun && pair == run) {
                    indices[k] = last;
                    indices[k + 1] = last;
                    continue;
                }
                int first = palette.index((int) pair);
                int second = palette.index((int) (pair >>> 32));
                if (first < 0 || second < 0) {
                    return false;
                }
                indices[k] = (byte) first;
                indices[k + 1] = (byte) second;
                inRun = (int) pair == (int) (pair >>> 32);
                run = pair;
                last = (byte) second;
            }
            for (; x < w; x++, k++, p += 4) {
                int index = palette.index((int) PIXEL.get(d, p));
                if (index < 0) {
                    return false;
                }
                indices[k] = (byte) index;
            }
        }
        int[] o = sm.getBandOffsets(); // red, green, blue, alpha: the byte of each in the int read
        palette.reorder(o[0], o[1], o[2], o[3]);
        return true;
    }

    private static boolean fromInts(
            DataBufferInt buffer, int stride, boolean alpha, int w, int h, Palette palette, byte[] indices) {
        int[] d = buffer.getData();
        int opaque = alpha ? 0 : 0xff000000;
        for (int y = 0, k = 0; y < h; y++) {
            int p = buffer.getOffset() + y * stride;
            for (int x = 0; x < w; x++, k++, p++) {
                int argb = d[p] | opaque;
                int index = palette.index(argb);
                if (index < 0) {
                    return false;
                }
                indices[k] = (byte) index;
            }
        }
        return true;
    }

    /**
     * Up to 256 ARGB colors in the order met, found again by an open-addressing hash; the last color asked for is
     * answered first (neighbouring pixels mostly share their color).
     */
    private static final class Palette {
        private static final int SLOTS = 1024;
        private final int[] keys = new int[SLOTS];
        private final short[] slots = new short[SLOTS]; // index + 1; 0 is an empty slot
        private final int[] colors = new int[MAX_COLORS];
        private int size;
        private int lastColor;
        private int lastIndex = -1;

        /** The color's index, a new one if it is new; -1 when the palette is full. */
        int index(int argb) {
            if (argb == lastColor && lastIndex >= 0) {
                return lastIndex;
            }
            int found = find(argb);
            if (found >= 0) {
                lastColor = argb;
                lastIndex = found;
            }
            return found;
        }

        private int find(int argb) {
            int s = (argb * 0x9E3779B9) >>> 22;
            while (slots[s] != 0) {
                if (keys[s] == argb) {
                    return slots[s] - 1;
                }
                s = (s + 1) & (SLOTS - 1);
            }
            if (size == MAX_COLORS) {
                return -1;
            }
            keys[s] = argb;
            colors[size] = argb;
            slots[s] = (short) ++size;
            return size - 1;
        }

        /** The colors were read as ints with red, green, blue and alpha in these bytes (0 lowest): make them ARGB. */
        void reorder(int red, int green, int blue, int alpha) {
            for (int k = 0; k < size; k++) {
                int c = colors[k];
                colors[k] = (c >>> (8 * alpha) & 0xff) << 24
                        | (c >>> (8 * red) & 0xff) << 16
                        | (c >>> (8 * green) & 0xff) << 8
                        | (c >>> (8 * blue) & 0xff);
            }
        }

        IndexColorModel colorModel() {
            byte[] r = new byte[size];
            byte[] g = new byte[size];
            byte[] b = new byte[size];
            byte[] a = new byte[size];
            for (int k = 0; k < size; k++) {
                int c = colors[k];
                a[k] = (byte) (c >>> 24);
                r[k] = (byte) (c >>> 16);
                g[k] = (byte) (c >>> 8);
                b[k] = (byte) c;
            }
            return new IndexColorModel(8, size, r, g, b, a);
        }
    }
}
