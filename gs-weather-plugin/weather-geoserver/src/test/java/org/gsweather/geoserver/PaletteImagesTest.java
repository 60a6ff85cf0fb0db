package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaletteImagesTest {
    private static final int SIZE = 4 * 256 + 2 * 16;

    /** A metatile of {@code colors} ARGB colors, translucent ones included, in runs and scattered. */
    private static BufferedImage metatile(int type, int colors) {
        return image(type, colors, SIZE, SIZE);
    }

    private static BufferedImage image(int type, int colors, int width, int height) {
        Random random = new Random(11);
        int[] palette = new int[colors];
        for (int k = 0; k < colors; k++) {
            int alpha = k % 3 == 0 ? 0 : k % 3 == 1 ? 255 : 1 + random.nextInt(254);
            palette[k] = alpha << 24 | random.nextInt(1 << 24);
        }
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int k = (x / 7 + y / 5 + (random.nextInt(50) == 0 ? random.nextInt(colors) : 0)) % colors;
                image.setRGB(x, y, palette[k]);
            }
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage indexed, BufferedImage rgba) {
        assertThat(indexed.getColorModel()).isInstanceOf(IndexColorModel.class);
        int w = rgba.getWidth();
        int h = rgba.getHeight();
        int[] expected = rgba.getRGB(0, 0, w, h, null, 0, w);
        int[] actual = indexed.getRGB(0, 0, w, h, null, 0, w);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void rgbaBytesOfAtMost256ColorsGetAPaletteWithTheSamePixels() {
        BufferedImage rgba = metatile(BufferedImage.TYPE_4BYTE_ABGR, 256);
        BufferedImage indexed = PaletteImages.indexed(rgba);
        assertSamePixels(indexed, rgba);
        assertThat(((IndexColorModel) indexed.getColorModel()).getMapSize()).isEqualTo(256);
    }

    @Test
    void oddWidthsToo() {
        for (int width : new int[] {1, 3, 255}) {
            BufferedImage rgba = image(BufferedImage.TYPE_4BYTE_ABGR, 9, width, 37);
            assertSamePixels(PaletteImages.indexed(rgba), rgba);
        }
    }

    @Test
    void packedArgbIntsToo() {
        BufferedImage argb = metatile(BufferedImage.TYPE_INT_ARGB, 40);
        assertSamePixels(PaletteImages.indexed(argb), argb);
    }

    @Test
    void moreThan256ColorsStayAsTheyAre() {
        assertThat(PaletteImages.indexed(metatile(BufferedImage.TYPE_4BYTE_ABGR, 257)))
                .isNull();
    }

    @Test
    void premultipliedAndOtherLayoutsAreNotRead() {
        assertThat(PaletteImages.indexed(metatile(BufferedImage.TYPE_INT_ARGB_PRE, 4)))
                .isNull();
        assertThat(PaletteImages.indexed(new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_565_RGB)))
                .isNull();
    }
}
