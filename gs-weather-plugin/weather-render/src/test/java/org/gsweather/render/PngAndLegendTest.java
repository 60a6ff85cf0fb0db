package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PngAndLegendTest {

    @Test
    void fewColorsEncodeIndexedWithTransparencyAndDecodeToTheSamePixels() {
        int[] px = new int[64 * 32];
        for (int k = 0; k < px.length; k++) {
            px[k] = k % 7 == 0 ? 0 : (k % 3 == 0 ? 0x80ff0000 : 0xff00ff00 | (k % 5));
        }
        byte[] png = new PngEncoder().encode(px, 64, 32);
        assertThat(png[25]).as("IHDR color type").isEqualTo((byte) 3);
        assertThat(Images.decode(png, 64, 32)).containsExactly(px);
    }

    @Test
    void manyColorsEncodeRgba() {
        int[] px = new int[300 * 20];
        Random r = new Random(1);
        for (int k = 0; k < px.length; k++) {
            px[k] = (1 + r.nextInt(255)) << 24 | r.nextInt(1 << 24);
        }
        for (int level : new int[] {0, 1, 9}) {
            byte[] png = new PngEncoder(level).encode(px, 300, 20);
            assertThat(png[25]).isEqualTo((byte) 6);
            assertThat(Images.decode(png, 300, 20)).containsExactly(px);
        }
    }

    @Test
    void transparentImagesShareOneBlankTile() {
        byte[] a = new PngEncoder().encode(new int[256 * 256], 256, 256);
        byte[] b = new TileRenderer()
                .renderPng(
                        FieldSource.of(Sources.field(Sources.HRRR_TMP, 1)),
                        StyleParser.parse("ramp:temperature"),
                        TileMatrixSet.WEB_MERCATOR_QUAD.tile(3, 0, 0, 256)); // the Pacific: no HRRR data
        assertThat(b).isSameAs(a).isSameAs(PngEncoder.blank(256, 256));
        assertThat(Images.decode(a, 256, 256)).containsOnly(0);
    }

    @Test
    void legendShowsTheBarColorsFromLowAtTheBottomToHighAtTheTop() {
        ColorRamp ramp = ColorRamp.of(
                (RampStyle) StyleParser.parse("ramp:temperature,units=degC").get(0), "K");
        byte[] png = Legend.png(ramp, "Temperature", 120, 240);
        Images.save("legend-temperature.png", png);
        int[] px = Images.decode(png, 120, 240);
        int[] palette = ramp.palette();
        // the bar spans rows 28 to 231 (framed) at columns 8 to 25, lowest band at the bottom
        assertThat(Argb.format(px[230 * 120 + 16])).isEqualTo(Argb.format(palette[2 + 1]));
        assertThat(Argb.format(px[29 * 120 + 16])).isEqualTo(Argb.format(palette[2 + 198]));
        assertThat(Argb.format(px[130 * 120 + 16])).isEqualTo(Argb.format(palette[2 + 99]));
    }
}
