package org.gsweather.render;

/** Non-premultiplied 0xAARRGGBB colors. */
final class Argb {
    private Argb() {}

    static int rgb(int r, int g, int b) {
        return 0xff000000 | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    static int argb(int a, int r, int g, int b) {
        return (clamp(a) << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    static int alpha(int c) {
        return c >>> 24;
    }

    /** {@code #rrggbb}, {@code #rrggbbaa}, {@code 0xrrggbb}, or {@code transparent}. */
    static int parse(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("transparent") || t.equalsIgnoreCase("none")) {
            return 0;
        }
        if (t.startsWith("#")) {
            t = t.substring(1);
        } else if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if ((t.length() != 6 && t.length() != 8) || !t.matches("[0-9a-fA-F]+")) {
            throw new StyleException("color '" + s + "': write #rrggbb or #rrggbbaa (hexadecimal), or transparent");
        }
        long v = Long.parseLong(t, 16);
        return t.length() == 6 ? (int) (0xff000000L | v) : (int) (((v & 0xff) << 24) | (v >>> 8));
    }

    static String format(int c) {
        return String.format("#%06x%02x", c & 0xffffff, c >>> 24);
    }

    static int withOpacity(int c, double opacity) {
        int a = (int) Math.round(alpha(c) * Math.max(0, Math.min(1, opacity)));
        return (a << 24) | (c & 0xffffff);
    }

    static int mix(int c0, int c1, double t) {
        int a = (int) Math.round(lerp(c0 >>> 24, c1 >>> 24, t));
        int r = (int) Math.round(lerp((c0 >> 16) & 0xff, (c1 >> 16) & 0xff, t));
        int g = (int) Math.round(lerp((c0 >> 8) & 0xff, (c1 >> 8) & 0xff, t));
        int b = (int) Math.round(lerp(c0 & 0xff, c1 & 0xff, t));
        return argb(a, r, g, b);
    }

    /** {@code src} over {@code dst}, src's alpha scaled by {@code coverage} in [0, 255]. */
    static int over(int dst, int src, int coverage) {
        int sa = ((src >>> 24) * coverage + 127) / 255;
        if (sa == 0) {
            return dst;
        }
        int da = dst >>> 24;
        if (sa == 255 || da == 0) {
            return (sa << 24) | (src & 0xffffff);
        }
        int outA = sa + da * (255 - sa) / 255;
        int dw = da * (255 - sa) / 255;
        int r = (((src >> 16) & 0xff) * sa + ((dst >> 16) & 0xff) * dw) / outA;
        int g = (((src >> 8) & 0xff) * sa + ((dst >> 8) & 0xff) * dw) / outA;
        int b = ((src & 0xff) * sa + (dst & 0xff) * dw) / outA;
        return (outA << 24) | (r << 16) | (g << 8) | b;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
