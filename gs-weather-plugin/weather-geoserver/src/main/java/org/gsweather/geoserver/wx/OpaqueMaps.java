package org.gsweather.geoserver.wx;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Maps requested with {@code TRANSPARENT=FALSE}: the core's image over the background color, as GeoServer's renderer
 * fills the map with {@code BGCOLOR} and then draws the layer on it (Java2D's source-over, with its rounding of
 * {@code a * b / 255}). A palette image keeps its indices and gets an opaque palette.
 */
final class OpaqueMaps {
    private static final DirectColorModel RGB = new DirectColorModel(24, 0xff0000, 0xff00, 0xff);

    private OpaqueMaps() {}

    /** {@code image} (palette indices with an ARGB palette, or packed ARGB) over {@code background}. */
    static BufferedImage over(BufferedImage image, Color background) {
        int bg = background.getRGB() & 0xffffff;
        if (image.getColorModel() instanceof IndexColorModel colors) {
            int[] palette = new int[colors.getMapSize()];
            colors.getRGBs(palette);
            for (int i = 0; i < palette.length; i++) {
                palette[i] = over(palette[i], bg);
            }
            IndexColorModel opaque =
                    new IndexColorModel(8, palette.length, palette, 0, false, -1, DataBuffer.TYPE_BYTE);
            return new BufferedImage(opaque, image.getRaster(), false, null);
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = over(pixels[i], bg);
        }
        return rgbImage(rgb, w, h);
    }

    /** An opaque palette image as packed RGB, for a format without palettes (JPEG). */
    static BufferedImage rgb(BufferedImage indexed) {
        IndexColorModel colors = (IndexColorModel) indexed.getColorModel();
        int[] palette = new int[256];
        colors.getRGBs(palette);
        byte[] indices = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        int w = indexed.getWidth();
        int h = indexed.getHeight();
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = palette[indices[i] & 0xff] & 0xffffff;
        }
        return rgbImage(rgb, w, h);
    }

    /** Whether no pixel of a palette image has a color that is not opaque. */
    static boolean everyPixelOpaque(BufferedImage indexed) {
        IndexColorModel colors = (IndexColorModel) indexed.getColorModel();
        boolean[] seeThrough = new boolean[256];
        boolean any = false;
        for (int i = 0; i < colors.getMapSize(); i++) {
            seeThrough[i] = colors.getAlpha(i) != 255;
            any |= seeThrough[i];
        }
        if (!any) {
            return true;
        }
        for (byte index : ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData()) {
            if (seeThrough[index & 0xff]) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage rgbImage(int[] rgb, int w, int h) {
        WritableRaster raster = Raster.createPackedRaster(
                new DataBufferInt(rgb, rgb.length), w, h, w, new int[] {0xff0000, 0xff00, 0xff}, null);
        return new BufferedImage(RGB, raster, false, null);
    }

    /** One ARGB color (not premultiplied) over an RGB one: an opaque RGB color. */
    static int over(int argb, int rgb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb & 0xffffff;
        }
        if (a == 0) {
            return rgb;
        }
        int b = 255 - a;
        int red = mul8(a, argb >> 16 & 0xff) + mul8(b, rgb >> 16 & 0xff);
        int green = mul8(a, argb >> 8 & 0xff) + mul8(b, rgb >> 8 & 0xff);
        int blue = mul8(a, argb & 0xff) + mul8(b, rgb & 0xff);
        return red << 16 | green << 8 | blue;
    }

    /** {@code a * b / 255} rounded as Java2D's multiplication table has it. */
    private static int mul8(int a, int b) {
        return (a * b * 0x10101 + 0x800000) >>> 24;
    }
}
