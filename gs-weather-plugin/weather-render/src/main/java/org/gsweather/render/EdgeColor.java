package org.gsweather.render;

import java.util.Locale;

/**
 * The color of values below or above a ramp's range: the end band's own color ({@link #EXTEND}) or a
 * fixed color (transparent included).
 */
public record EdgeColor(boolean extend, int argb) {
    public static final EdgeColor EXTEND = new EdgeColor(true, 0);
    public static final EdgeColor TRANSPARENT = new EdgeColor(false, 0);

    int resolve(int endBand) {
        return extend ? endBand : argb;
    }

    static EdgeColor parse(String s) {
        return s.toLowerCase(Locale.ROOT).equals("extend") ? EXTEND : new EdgeColor(false, Argb.parse(s));
    }
}
