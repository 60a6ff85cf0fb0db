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

    @Test
    void barbKeyHasOneRowASpeedWithItsLabelClearOfTheSymbol() {
        BarbStyle barbs = BarbStyle.defaults();
        Canvas key = Legend.key(barbs, 160, 11, Legend.BARB_KEY);
        Images.save("legend-barbs.png", key.toPng(new PngEncoder()));
        int[] px = key.pixels();
        int w = key.width();
        int h = key.height();
        // under the title, columns of symbols, then a gap of background only, then labels
        double top = Math.ceil(10 + 1.2 * 11);
        int symbolsEnd = (int) Math.ceil(6 + 1.39 * barbs.size() + 2 * barbs.lineWidth());
        int labels = symbolsEnd + 8;
        for (int y = (int) top; y < h; y++) {
            for (int x = symbolsEnd + 1; x < labels - 1; x++) {
                assertThat(px[y * w + x]).as("gap at %d,%d", x, y).isEqualTo(0xf0ffffff);
            }
        }
        // six rows of equal height, each with a symbol and a label and nothing on its borders
        double row = (h - 4 - top) / Legend.BARB_KEY.length;
        assertThat(row).isGreaterThanOrEqualTo(1.6 * 11);
        for (int k = 0; k < Legend.BARB_KEY.length; k++) {
            int y0 = (int) Math.ceil(top + k * row + 1);
            int y1 = (int) Math.floor(top + (k + 1) * row - 1);
            assertThat(inked(px, w, 0, symbolsEnd, y0, y1))
                    .as("symbol of row %d", k)
                    .isTrue();
            assertThat(inked(px, w, labels, w, y0, y1)).as("label of row %d", k).isTrue();
            int border = (int) Math.round(top + k * row);
            assertThat(inked(px, w, 0, w, border, border))
                    .as("border above row %d", k)
                    .isFalse();
        }
        // the pennant row (50 kt) holds more ink than the half barb row (5 kt)
        int five = (int) (top + 1.5 * row);
        int fifty = (int) (top + 4.5 * row);
        assertThat(ink(px, w, 0, symbolsEnd, fifty - (int) (row / 2), fifty + (int) (row / 2)))
                .isGreaterThan(ink(px, w, 0, symbolsEnd, five - (int) (row / 2), five + (int) (row / 2)));
    }

    @Test
    void arrowsOfOneLengthGetADirectionKeyAndScaledOnesGrowWithSpeed() {
        ArrowStyle fixed = ArrowStyle.defaults();
        Canvas one = Legend.key(fixed, 160, 11, null);
        assertThat(one.height()).isLessThan(40);
        ArrowStyle scaled = new ArrowStyle(32, 20, 1.3, 0xff000000, true, 20, null);
        Canvas three = Legend.key(scaled, 160, 11, Legend.SCALED_ARROW_KEY);
        Images.save("legend-arrows-scaled.png", three.toPng(new PngEncoder()));
        int[] px = three.pixels();
        int w = three.width();
        double top = Math.ceil(10 + 1.2 * 11);
        double row = (three.height() - 4 - top) / 3;
        int previous = 0;
        for (int k = 0; k < 3; k++) {
            int y = (int) (top + (k + 0.5) * row);
            int length = 0;
            for (int x = 0; x < 60; x++) {
                length += inked(px, w, x, x + 1, y - 3, y + 3) ? 1 : 0;
            }
            assertThat(length).as("arrow of row %d", k).isGreaterThan(previous);
            previous = length;
        }
    }

    private static boolean inked(int[] px, int w, int x0, int x1, int y0, int y1) {
        return ink(px, w, x0, x1, y0, y1) > 0;
    }

    /** Summed darkness of the area against the legend background. */
    private static long ink(int[] px, int w, int x0, int x1, int y0, int y1) {
        long sum = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += 0xff - (px[y * w + x] & 0xff);
            }
        }
        return sum;
    }
}
