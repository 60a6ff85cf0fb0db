package org.gsweather.render;

/**
 * Lines of equal value (isobars, isotherms), optionally labelled and with filled bands between levels.
 *
 * @param interval spacing of levels in {@code units}, used when {@code levels} is empty
 * @param base a level that the interval's levels pass through
 * @param levels explicit levels in {@code units}; empty to use interval and base
 * @param units display units of levels and labels (converted from the field's units)
 * @param color ARGB line color
 * @param width line width in pixels
 * @param majorEvery every n-th level (counted from base) is a major line; 0 for none
 * @param majorWidth width of major lines
 * @param labels whether to write values along the lines
 * @param labelUnits whether labels carry the units, e.g. {@code 1012 hPa}
 * @param fontSize label height in pixels
 * @param smoothing number of moving-average passes over the line points (0-3)
 * @param fill when not null, the bands between levels are filled with this palette's colors
 * @param fillMin value (in {@code units}) at the start of a unitless fill palette, NaN otherwise
 * @param fillMax value (in {@code units}) at the end of a unitless fill palette, NaN otherwise
 */
public record IsolineStyle(
        double interval,
        double base,
        double[] levels,
        String units,
        int color,
        double width,
        int majorEvery,
        double majorWidth,
        boolean labels,
        boolean labelUnits,
        double fontSize,
        int smoothing,
        Palette fill,
        double fillMin,
        double fillMax)
        implements Style {
    public static final int MAX_LEVELS = 250;

    public IsolineStyle {
        levels = levels.clone();
        if (levels.length == 0 && !(interval > 0 && Double.isFinite(interval))) {
            throw new StyleException(
                    "isolines: interval must be a positive number, not " + interval + " (or give levels=a;b;c)");
        }
        if (levels.length > MAX_LEVELS) {
            throw new StyleException("isolines: at most " + MAX_LEVELS + " levels, not " + levels.length);
        }
        if (!(width > 0 && width <= 16) || !(majorWidth > 0 && majorWidth <= 16)) {
            throw new StyleException("isolines: width out of range (0, 16]");
        }
        if (smoothing < 0 || smoothing > 3) {
            throw new StyleException("isolines: smooth=" + smoothing + " out of range 0-3");
        }
        if (!(fontSize >= 6 && fontSize <= 48)) {
            throw new StyleException("isolines: font=" + fontSize + " px out of range 6-48");
        }
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    boolean explicitLevels() {
        return levels.length > 0;
    }

    double level(int k) {
        return levels[k];
    }
}
