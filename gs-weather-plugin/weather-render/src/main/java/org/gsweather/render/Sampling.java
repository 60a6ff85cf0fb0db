package org.gsweather.render;

import java.util.Locale;

/** How a pixel takes its value from the grid points around it. */
public enum Sampling {
    /** The value of the nearest grid point. */
    NEAREST,
    /**
     * Bilinear between the four grid points around; missing where the nearest point is missing, and
     * weighted over the present points only next to missing ones, so that no-data never spreads.
     */
    BILINEAR;

    static Sampling of(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "nearest" -> NEAREST;
            case "bilinear" -> BILINEAR;
            default -> throw new StyleException("sampling=" + s + ": use nearest or bilinear");
        };
    }
}
