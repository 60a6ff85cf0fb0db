package org.gsweather.geoserver.wx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Opaque maps: the core's image over the background color, pixel for pixel as Java2D composites it. */
class OpaqueMapsTest {
    private static final Color BACKGROUND = new Color(0x20, 0x80, 0xf0);

    @Test
    void argbImagesAreCompositedAsJava2dDoes() {
        int w = 256;
        int h = 64;
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // every alpha, with random colors
                argb.setRGB(x, y, x << 24 | random.nextInt(1 << 24));
            }
        }
        BufferedImage opaque = OpaqueMaps.over(argb, BACKGROUND);
        assertThat(opaque.getColorModel().hasAlpha()).isFalse();
        assertSameRgb(opaque, java2d(argb));
    }

    @Test
    void paletteImagesKeepTheirIndicesWithAnOpaquePalette() {
        int[] palette = {0, 0x80ff0000, 0xff00ff00, 0x400000ff};
        IndexColorModel colors = new IndexColorModel(8, palette.length, palette, 0, true, -1, DataBuffer.TYPE_BYTE);
        BufferedImage indexed = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, colors);
        indexed.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 1, 2, 3});

        BufferedImage opaque = OpaqueMaps.over(indexed, BACKGROUND);

        assertThat(opaque.getRaster()).isSameAs(indexed.getRaster());
        assertThat(opaque.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(opaque.getColorModel().hasAlpha()).isFalse();
        assertThat(opaque.getRGB(0, 0)).isEqualTo(BACKGROUND.getRGB());
        assertThat(opaque.getRGB(2, 0)).isEqualTo(0xff00ff00);
        assertSameRgb(opaque, java2d(indexed));
    }

    @Test
    void paletteImagesBecomeRgbForJpeg() {
        int[] palette = {0xff102030, 0xff00ff00, 0xffabcdef};
        IndexColorModel colors = new IndexColorModel(8, palette.length, palette, 0, false, -1, DataBuffer.TYPE_BYTE);
        BufferedImage indexed = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_INDEXED, colors);
        indexed.getRaster().setPixels(0, 0, 3, 2, new int[] {0, 1, 2, 2, 1, 0});

        BufferedImage rgb = OpaqueMaps.rgb(indexed);

        assertThat(rgb.getColorModel()).isNotInstanceOf(IndexColorModel.class);
        assertThat(rgb.getColorModel().hasAlpha()).isFalse();
        assertSameRgb(rgb, indexed);
    }

    @Test
    void aPaletteImageIsOpaqueWhenNoPixelUsesATransparentColor() {
        int[] palette = {0, 0xff00ff00, 0x80ff0000};
        IndexColorModel colors = new IndexColorModel(8, palette.length, palette, 0, true, -1, DataBuffer.TYPE_BYTE);
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, colors);
        indexed.getRaster().setPixels(0, 0, 2, 1, new int[] {1, 1});
        assertThat(OpaqueMaps.everyPixelOpaque(indexed)).isTrue();
        indexed.getRaster().setPixel(1, 0, new int[] {2});
        assertThat(OpaqueMaps.everyPixelOpaque(indexed)).isFalse();
        indexed.getRaster().setPixel(1, 0, new int[] {0});
        assertThat(OpaqueMaps.everyPixelOpaque(indexed)).isFalse();
    }

    /** What GeoServer's renderer does: the background, then the layer drawn over it. */
    private static BufferedImage java2d(BufferedImage layer) {
        BufferedImage map = new BufferedImage(layer.getWidth(), layer.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = map.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, map.getWidth(), map.getHeight());
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(layer, 0, 0, null);
        g.dispose();
        return map;
    }

    private static void assertSameRgb(BufferedImage actual, BufferedImage expected) {
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }
}
