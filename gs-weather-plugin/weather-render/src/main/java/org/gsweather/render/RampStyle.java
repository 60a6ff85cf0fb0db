package org.gsweather.render;

/**
 * Color ramp: each pixel takes the color of its value.
 *
 * @param palette the colors; continuous palettes stretch over [min, max], stepped ones keep their steps
 * @param min lower end of the range in {@code units}, NaN for the palette's own
 * @param max upper end of the range in {@code units}, NaN for the palette's own
 * @param units display units of min, max and the palette's values (converted from the field's units);
 *     null for the palette's units (the field's for unitless palettes)
 * @param steps number of color bands a continuous palette is divided into (at most {@value #MAX_STEPS})
 * @param log whether bands are spaced evenly in log(value) (continuous palettes)
 * @param below color of values below the range
 * @param above color of values at or above the range's end
 * @param missing color of missing values (ARGB)
 * @param opacity multiplies every color's alpha
 * @param sampling how pixels take their values from the grid points around them
 * @param autoRange whether a {@code min} or {@code max} not given (NaN) is the field's own lowest or highest
 *     value instead of the palette's: {@code min=auto}/{@code max=auto}, and the default of unitless palettes
 *     ({@code gray}, {@code visible}) whose 0..1 range fits few fields. The whole field's range, so that every
 *     tile of one field agrees. Stepped palettes keep their steps.
 */
public record RampStyle(
        Palette palette,
        double min,
        double max,
        String units,
        int steps,
        boolean log,
        EdgeColor below,
        EdgeColor above,
        int missing,
        double opacity,
        Sampling sampling,
        boolean autoRange)
        implements Style {
    public static final int MAX_STEPS = 250;
    public static final int DEFAULT_STEPS = 200;

    public RampStyle {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new StyleException("steps=" + steps + ": use 1 to " + MAX_STEPS);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new StyleException("opacity=" + opacity + ": use a number from 0 to 1");
        }
        if (palette.stepped() && palette.size() > MAX_STEPS) {
            throw new StyleException("palette " + palette.name() + " has " + palette.size() + " steps; at most "
                    + MAX_STEPS + " fit one PNG palette");
        }
    }

    /** A palette with its own range and units and the usual defaults. */
    public static RampStyle of(Palette palette) {
        return new RampStyle(
                palette,
                Double.NaN,
                Double.NaN,
                null,
                DEFAULT_STEPS,
                false,
                palette.stepped() ? EdgeColor.TRANSPARENT : EdgeColor.EXTEND,
                EdgeColor.EXTEND,
                0,
                1,
                Sampling.NEAREST,
                palette.generic() && !palette.stepped());
    }

    /** This style with min and max given, no longer automatic. */
    RampStyle withRange(double newMin, double newMax) {
        return new RampStyle(
                palette, newMin, newMax, units, steps, log, below, above, missing, opacity, sampling, false);
    }
}
