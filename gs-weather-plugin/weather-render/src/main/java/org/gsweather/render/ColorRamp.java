package org.gsweather.render;

import java.util.Arrays;

/**
 * A ramp style resolved against the units of a field: value bands with thresholds in the field's units
 * and one palette index per band, ready to color millions of values. Index {@link #MISSING} is for
 * missing values, {@link #BELOW} for values below the first threshold, {@code 2 + k} for band {@code
 * k}, and {@link #above()} for values at or above the last threshold. Immutable and thread-safe.
 *
 * <p>Classification is exact (the same result as a binary search over the thresholds) and fast: a table
 * of {@value #TABLE} equal cells over the thresholds' range answers directly for cells without a
 * threshold inside, and only the others search.
 */
public final class ColorRamp {
    public static final int MISSING = 0;
    public static final int BELOW = 1;
    static final int TABLE = 4096;

    private final RampStyle style;
    private final String dataUnits;
    private final String units;
    /** Band thresholds in the field's units, ascending; band k is [t[k], t[k+1]). */
    private final double[] thresholds;
    /** Band thresholds in the display units of the style. */
    private final double[] displayThresholds;

    private final int[] argb;
    private final short[] table;
    private final double tableStart;
    private final double cellsPerUnit;

    private ColorRamp(RampStyle style, String dataUnits, String units, double[] display, int[] bandColors) {
        this.style = style;
        this.dataUnits = dataUnits;
        this.units = units;
        this.displayThresholds = display;
        int n = bandColors.length;
        double[] c = Units.conversion(dataUnits, units);
        thresholds = new double[display.length];
        for (int k = 0; k < display.length; k++) {
            thresholds[k] = (display[k] - c[1]) / c[0];
        }
        argb = new int[n + 3];
        argb[MISSING] = style.missing();
        argb[BELOW] = style.below().resolve(bandColors[0]);
        System.arraycopy(bandColors, 0, argb, 2, n);
        argb[n + 2] = style.above().resolve(bandColors[n - 1]);
        for (int k = 0; k < argb.length; k++) {
            argb[k] = Argb.withOpacity(argb[k], style.opacity());
        }
        tableStart = thresholds[0];
        double span = thresholds[n] - thresholds[0];
        cellsPerUnit = TABLE / span;
        table = new short[TABLE];
        double cell = span / TABLE;
        double eps = 1e-6 * cell;
        int t = 0;
        for (int k = 0; k < TABLE; k++) {
            double start = tableStart + k * cell;
            double end = start + cell;
            while (t < thresholds.length && thresholds[t] < start - eps) {
                t++;
            }
            boolean clean = t >= thresholds.length || thresholds[t] > end + eps;
            table[k] = clean ? (short) search(start + 0.5 * cell) : (short) -1;
        }
    }

    /**
     * Resolves a ramp style for a field: with {@link RampStyle#autoRange()}, a min or max not given is the
     * field's own lowest or highest value (in the style's display units).
     *
     * @throws StyleException when the units do not convert or the range is empty
     */
    public static ColorRamp of(RampStyle style, GridValues field) {
        if (!style.autoRange()) {
            return of(style, field.units());
        }
        double[] r = field.range();
        if (Double.isNaN(r[0])) {
            r = new double[] {0, 1}; // nothing to show: any range draws nothing
        } else if (r[0] == r[1]) {
            r = new double[] {r[0] - 0.5, r[0] + 0.5}; // a constant field: one color
        }
        double[] c = Units.conversion(field.units(), displayUnits(style, field.units()));
        double lo = Math.min(r[0] * c[0] + c[1], r[1] * c[0] + c[1]);
        double hi = Math.max(r[0] * c[0] + c[1], r[1] * c[0] + c[1]);
        return of(
                style.withRange(
                        Double.isNaN(style.min()) ? lo : style.min(), Double.isNaN(style.max()) ? hi : style.max()),
                field.units());
    }

    /**
     * Resolves a ramp style for a field in {@code dataUnits}.
     *
     * @throws StyleException when the units do not convert or the range is empty
     */
    public static ColorRamp of(RampStyle style, String dataUnits) {
        Palette p = style.palette();
        String units = displayUnits(style, dataUnits);
        if (!p.units().equals(units) && !p.generic()) {
            double[] c = Units.conversion(p.units(), units);
            p = p.converted(units, c[0], c[1]);
        }
        double min = Double.isNaN(style.min()) ? p.first() : style.min();
        double max = Double.isNaN(style.max()) ? p.last() : style.max();
        if (p.stepped()) {
            return stepped(style, dataUnits, units, p, min, max);
        }
        if (!(min < max)) {
            throw new StyleException("ramp " + p.name() + ": min " + min + " must be below max " + max);
        }
        if (style.log() && !(min > 0)) {
            throw new StyleException("ramp " + p.name() + ": a log scale needs min > 0, not " + min);
        }
        int n = style.steps();
        double[] t = new double[n + 1];
        int[] colors = new int[n];
        for (int k = 0; k <= n; k++) {
            t[k] = at(style.log(), min, max, (double) k / n);
        }
        t[n] = max;
        for (int k = 0; k < n; k++) {
            double f = (k + 0.5) / n; // the band's middle, as a fraction of the palette
            colors[k] = p.colorAt(p.first() + f * (p.last() - p.first()));
        }
        return new ColorRamp(style, dataUnits, units, t, colors);
    }

    private static ColorRamp stepped(
            RampStyle style, String dataUnits, String units, Palette p, double min, double max) {
        int n = p.size();
        double top = Double.isNaN(style.max()) ? p.last() + (p.last() - p.value(n - 2)) : max;
        double[] t = new double[n + 1];
        int[] colors = new int[n];
        for (int k = 0; k < n; k++) {
            t[k] = p.value(k);
            colors[k] = p.color(k);
        }
        t[n] = top;
        if (!(t[n] > t[n - 1])) {
            throw new StyleException("ramp " + p.name() + ": max " + top + " must lie above the last step " + t[n - 1]);
        }
        return new ColorRamp(style, dataUnits, units, t, colors);
    }

    /** The style's units, else the palette's, else (generic palettes) the field's. */
    static String displayUnits(RampStyle style, String dataUnits) {
        if (style.units() != null) {
            return style.units();
        }
        return style.palette().generic() ? dataUnits : style.palette().units();
    }

    /** Units of the thresholds and legends. */
    public String units() {
        return units;
    }

    private static double at(boolean log, double min, double max, double f) {
        return log ? min * Math.pow(max / min, f) : min + f * (max - min);
    }

    /** Palette index of a value in the field's units. */
    public int classify(float v) {
        if (v != v) {
            return MISSING;
        }
        int cell = (int) ((v - tableStart) * cellsPerUnit);
        if (cell >= 0 && cell < TABLE && v >= tableStart) {
            int c = table[cell];
            if (c >= 0) {
                return c;
            }
        }
        return search(v);
    }

    private int search(double v) {
        if (v < thresholds[0]) {
            return BELOW;
        }
        int n = thresholds.length - 1;
        if (v >= thresholds[n]) {
            return n + 2;
        }
        int k = Arrays.binarySearch(thresholds, v);
        int band = k >= 0 ? k : -k - 2;
        while (band + 1 < n && thresholds[band + 1] <= v) { // equal thresholds: the last band that starts at v
            band++;
        }
        return band + 2;
    }

    /**
     * Palette indices of the values {@code from} (inclusive) to {@code to} (exclusive). Returns the number of them
     * with a visible color.
     */
    int classify(float[] values, int from, int to, byte[] out) {
        int visible = 0;
        int[] colors = argb;
        for (int k = from; k < to; k++) {
            int c = classify(values[k]);
            out[k] = (byte) c;
            if ((colors[c] >>> 24) != 0) {
                visible++;
            }
        }
        return visible;
    }

    /** The palette: ARGB color per index. */
    public int[] palette() {
        return argb.clone();
    }

    int[] paletteView() {
        return argb;
    }

    /** The color of a value in the field's units. */
    public int color(float v) {
        return argb[classify(v)];
    }

    public int above() {
        return argb.length - 1;
    }

    public int bands() {
        return argb.length - 3;
    }

    /** Thresholds in display units, for legends. */
    double[] displayThresholds() {
        return displayThresholds.clone();
    }

    public RampStyle style() {
        return style;
    }

    public String dataUnits() {
        return dataUnits;
    }
}
