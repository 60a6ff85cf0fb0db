package org.gsweather.render;

/**
 * Arrows pointing where the wind blows, on a lattice fixed in the output CRS.
 *
 * @param spacing lattice spacing in pixels
 * @param size arrow length in pixels when fixed; length at {@code referenceSpeed} when scaled
 * @param lineWidth stroke width in pixels
 * @param color ARGB color, unless {@code speedColors} is given
 * @param scaled whether the length grows with the speed
 * @param referenceSpeed the speed, in m/s, drawn {@code size} pixels long when scaled
 * @param speedColors when not null, colors each arrow by its speed (in the ramp's units)
 */
public record ArrowStyle(
        double spacing,
        double size,
        double lineWidth,
        int color,
        boolean scaled,
        double referenceSpeed,
        RampStyle speedColors)
        implements Style {

    public ArrowStyle {
        SymbolChecks.check("arrows", spacing, size, lineWidth);
        if (!(referenceSpeed > 0)) {
            throw new StyleException("arrows: reference speed must be positive, not " + referenceSpeed);
        }
    }

    public static ArrowStyle defaults() {
        return new ArrowStyle(32, 20, 1.3, 0xff000000, false, 20, null);
    }

    @Override
    public boolean needsVector() {
        return true;
    }
}
