package org.gsweather.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * The legend of a stack of styles drawn on one field (a {@code wx render} style or the {@code wx:}
     * transformations of one SLD), one part below the other: a color bar for a ramp, a line sample with the
     * interval for isolines, a speed key for barbs and arrows.
     *
     * @param field the field the ramps are resolved against (units, automatic range); a ramp's title is its
     *     palette's
     * @param width legend width in pixels (60 to 2048)
     * @param rampHeight height of a color bar (80 to 2048)
     * @param font text height in pixels
     * @return ARGB pixels, row by row, {@code width} wide
     */
    public static Canvas stack(List<Style> styles, GridValues field, int width, int rampHeight, double font) {
        List<Canvas> parts = new ArrayList<>();
        for (Style s : styles) {
            if (s instanceof RampStyle r) {
                parts.add(draw(ColorRamp.of(r, field), r.palette().title(), width, rampHeight, font));
            } else if (s instanceof IsolineStyle i) {
                parts.add(lines(i, field.units(), width, font));
            } else if (s instanceof BarbStyle b) {
                parts.add(key(b, width, font, BARB_KEY));
            } else if (s instanceof ArrowStyle a) {
                parts.add(key(a, width, font, a.scaled() ? SCALED_ARROW_KEY : null));
            }
        }
        int height = 0;
        for (Canvas p : parts) {
            height += p.height();
        }
        Canvas out = new Canvas(width, Math.max(1, height));
        int[] argb = out.argb();
        int y = 0;
        for (Canvas p : parts) {
            System.arraycopy(p.pixels(), 0, argb, y * width, p.width() * p.height());
            y += p.height();
        }
        out.markDrawn();
        return out;
    }

    /** A line sample in the style's color and width, and what it shows: {@code every 4 °C}. */
    static Canvas lines(IsolineStyle style, String dataUnits, int width, double font) {
        int height = (int) Math.ceil(2.6 * font + 8);
        Canvas c = background(width, height);
        Rasterizer raster = new Rasterizer();
        raster.reset(width, height);
        double y = 4 + 0.6 * font;
        raster.segment(6, y, width - 6, y, style.width(), 0.5 * style.width());
        raster.paint(c.argb(), style.color());
        raster.reset(width, height);
        String units = symbol(style.units() != null ? style.units() : dataUnits);
        String what = style.levels().length > 0
                ? style.levels().length + " levels " + format(style.levels()[0]) + " to "
                        + format(style.levels()[style.levels().length - 1]) + " " + units
                : "every " + format(style.interval()) + " " + units
                        + (style.majorEvery() > 0
                                ? ", bold every " + format(style.interval() * style.majorEvery())
                                : "");
        new TextPath().add(raster, what, 6, y + 1.3 * font, fitting(what, width - 12, font), 0, false);
        raster.paint(c.argb(), INK);
        return c;
    }

    /** The speeds of the barb key, in knots: calm (a circle), a half barb, a barb, ..., a pennant and more. */
    static final double[] BARB_KEY = {0, 5, 10, 25, 50, 65};

    /** The speeds of the key of arrows scaled by speed, in knots. */
    static final double[] SCALED_ARROW_KEY = {10, 25, 50};

    /**
     * A key of barbs or arrows: under a title with the units, one row a speed, the symbol (wind from the
     * west) at the left and its speed at its right, each symbol in its speed's color when the style colors
     * by speed. Arrows of one length ({@code speeds} null) get a single row, as they show the direction only.
     */
    static Canvas key(Style style, int width, double font, double[] speeds) {
        double[] rows = speeds == null ? new double[] {Double.NaN} : speeds;
        // the symbol's extent from its station point (x right, y down), and how it is inked
        double stationX;
        double symbolWidth;
        double above;
        double below;
        int color;
        RampStyle colorStyle;
        String title;
        if (style instanceof BarbStyle b) {
            double len = b.size();
            double lw = b.lineWidth();
            // the staff and the feathers' lean back from the station, the feathers up; the calm circle
            // (radius 0.18 of the staff) is centred on the station
            stationX = 6 + 1.21 * len + lw;
            symbolWidth = 1.21 * len + 0.18 * len + 2 * lw;
            above = 0.37 * len + lw;
            below = 0.18 * len + lw;
            color = b.color();
            colorStyle = b.speedColors();
            title = "Wind barbs [kt]";
        } else {
            ArrowStyle a = (ArrowStyle) style;
            double longest = 0;
            for (double kt : rows) {
                longest = Math.max(longest, arrowLength(a, kt));
            }
            // centred on the station
            symbolWidth = longest + 2 * a.lineWidth();
            stationX = 6 + 0.5 * symbolWidth;
            above = below = 0.5 * Math.min(0.35 * longest, 3 + 2.5 * a.lineWidth()) + a.lineWidth();
            color = a.color();
            colorStyle = a.speedColors();
            title = speeds == null ? null : "Wind arrows [kt]";
        }
        ColorRamp colors = colorStyle == null ? null : ColorRamp.of(colorStyle, "kt");
        double rowHeight = Math.max(1.6 * font, above + below + 6);
        double top = title == null ? 4 : Math.ceil(10 + 1.2 * font);
        int height = (int) Math.ceil(top + rows.length * rowHeight + 4);
        Canvas c = background(width, height);
        SymbolLayer symbols = new SymbolLayer();
        Rasterizer raster = new Rasterizer();
        raster.reset(width, height);
        TextPath text = new TextPath();
        if (title != null) {
            text.add(raster, title, 5, 6 + font / 2, fitting(title, width - 10, font), 0, false);
        }
        double labelX = 6 + symbolWidth + 8;
        for (int k = 0; k < rows.length; k++) {
            double middle = top + (k + 0.5) * rowHeight;
            double y = middle + 0.5 * (above - below);
            double kt = rows[k];
            int ink = colors == null || Double.isNaN(kt) ? color : colors.color((float) kt);
            symbols.key(c, style, stationX, y, Double.isNaN(kt) ? 20 : kt, ink);
            String label =
                    Double.isNaN(kt) ? "wind direction" : kt == 0 && style instanceof BarbStyle ? "calm" : format(kt);
            text.add(raster, label, labelX, middle, fitting(label, width - labelX - 4, font), 0, false);
        }
        raster.paint(c.argb(), INK);
        return c;
    }

    /** The length of a legend arrow at {@code kt} knots, as {@link SymbolLayer} draws it. */
    private static double arrowLength(ArrowStyle style, double kt) {
        if (!style.scaled() || Double.isNaN(kt)) {
            return style.size();
        }
        return Math.min(2 * style.size(), style.size() * SymbolLayer.metresPerSecond(kt) / style.referenceSpeed());
    }

    private static Canvas background(int width, int height) {
        Canvas c = new Canvas(width, height);
        Arrays.fill(c.argb(), BACKGROUND);
        c.markDrawn();
        return c;
    }

    /** The font size at which a text fits a width. */
    private static double fitting(String text, double width, double font) {
        return Math.min(font, width / GlyphOutlines.width(text));
    }

    static Canvas draw(ColorRamp ramp, String title, int width, int height) {
        return draw(ramp, title, width, height, 11);
    }

    static Canvas draw(ColorRamp ramp, String title, int width, int height, double font) {
        if (width < 60 || height < 80 || width > 2048 || height > 2048) {
            throw new IllegalArgumentException("legend size " + width + "x" + height + " out of range 60x80-2048x2048");
        }
        Canvas c = new Canvas(width, height);
        int[] argb = c.argb();
        Arrays.fill(argb, BACKGROUND);
        c.markDrawn();
        Rasterizer raster = new Rasterizer();
        raster.reset(width, height);
        TextPath text = new TextPath();
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
