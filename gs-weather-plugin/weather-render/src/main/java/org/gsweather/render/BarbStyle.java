package org.gsweather.render;

/**
 * WMO wind barbs (5 kt half barb, 10 kt barb, 50 kt pennant, circle when calm), on a lattice fixed in
 * the output CRS.
 *
 * @param spacing lattice spacing in pixels
 * @param size length of the staff in pixels
 * @param lineWidth stroke width in pixels
 * @param color ARGB color, unless {@code speedColors} is given
 * @param speedColors when not null, colors each barb by its speed (in kt)
 */
public record BarbStyle(double spacing, double size, double lineWidth, int color, RampStyle speedColors)
        implements Style {

    public BarbStyle {
        SymbolChecks.check("barbs", spacing, size, lineWidth);
    }

    public static BarbStyle defaults() {
        return new BarbStyle(40, 22, 1.3, 0xff000000, null);
    }

    @Override
    public boolean needsVector() {
        return true;
    }
}
