package org.gsweather.render;

import java.util.Locale;

/**
 * Legend images of color ramps (for GetLegendGraphic): a title with the units, a vertical color bar from
 * the low values at the bottom to the high ones at the top, and ticks with values; stepped ramps get one
 * box per band with its lower bound.
 */
public final class Legend {
    private static final int BACKGROUND = 0xf0ffffff;
    private static final int INK = 0xff202020;

    private Legend() {}

    /**
     * A legend {@code width} by {@code height} pixels as PNG.
     *
     * @param title e.g. {@code Temperature}; the ramp's display units are added
     */
    public static byte[] png(ColorRamp ramp, String title, int width, int height) {
        return draw(ramp, title, width, height).toPng(new PngEncoder());
    }

    static Canvas draw(ColorRamp ramp, String title, int width, int height) {
        if (width < 60 || height < 80 || width > 2048 || height > 2048) {
            throw new IllegalArgumentException("legend size " + width + "x" + height + " out of range 60x80-2048x2048");
        }
        Canvas c = new Canvas(width, height);
        int[] argb = c.argb();
        java.util.Arrays.fill(argb, BACKGROUND);
        c.markDrawn();
        Rasterizer raster = new Rasterizer();
        raster.reset(width, height);
        TextPath text = new TextPath();
        double font = 11;
        String heading = title + " [" + symbol(ramp.units()) + "]";
        double titleFont = Math.min(font, (width - 10) / GlyphOutlines.width(heading));
        text.add(raster, heading, 5, 6 + font / 2, titleFont, 0, false);
        int top = (int) (12 + 1.5 * font);
        int bottom = height - 8;
        int barLeft = 8;
        int barRight = barLeft + 18;
        double[] t = ramp.displayThresholds();
        int bands = t.length - 1;
        int[] palette = ramp.paletteView();
        boolean stepped = ramp.style().palette().stepped();
        for (int y = top; y < bottom; y++) {
            double f = (bottom - 1 - y + 0.5) / (bottom - top); // 0 at the bottom
            int band = (int) Math.min(bands - 1, f * bands);
            int color = palette[2 + band];
            for (int x = barLeft; x < barRight; x++) {
                argb[y * width + x] = Argb.over(argb[y * width + x], color, 255);
            }
        }
        raster.segment(barLeft, top, barRight, top, 1, 0.5);
        raster.segment(barRight, top, barRight, bottom, 1, 0.5);
        raster.segment(barRight, bottom, barLeft, bottom, 1, 0.5);
        raster.segment(barLeft, bottom, barLeft, top, 1, 0.5);
        double[] ticks = stepped ? java.util.Arrays.copyOf(t, bands) : niceTicks(t[0], t[bands], (bottom - top) / 28);
        for (double v : ticks) {
            double f = stepped ? (indexOf(t, v)) / (double) bands : (v - t[0]) / (t[bands] - t[0]);
            if (ramp.style().log() && !stepped) {
                f = Math.log(v / t[0]) / Math.log(t[bands] / t[0]);
            }
            double y = bottom - f * (bottom - top);
            raster.segment(barRight, y, barRight + 4, y, 1, 0);
            text.add(raster, format(v), barRight + 7, y, font, 0, false);
        }
        raster.paint(argb, INK);
        return c;
    }

    /** Units as people write them: degC as °C. */
    static String symbol(String units) {
        return switch (units) {
            case "degC" -> "°C";
            case "degF" -> "°F";
            default -> units;
        };
    }

    private static int indexOf(double[] t, double v) {
        for (int k = 0; k < t.length; k++) {
            if (t[k] == v) {
                return k;
            }
        }
        return 0;
    }

    /** About {@code count} round values (1, 2 or 5 times a power of ten apart) within [lo, hi]. */
    static double[] niceTicks(double lo, double hi, int count) {
        double raw = (hi - lo) / Math.max(1, count);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        long k0 = (long) Math.ceil(lo / step - 1e-9);
        long k1 = (long) Math.floor(hi / step + 1e-9);
        double[] out = new double[(int) Math.max(0, k1 - k0 + 1)];
        for (int k = 0; k < out.length; k++) {
            out[k] = (k0 + k) * step;
        }
        return out;
    }

    static String format(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, Math.abs(v))) {
            return Long.toString((long) Math.rint(v));
        }
        String s = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
