package org.gsweather.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outlines of text characters as polygons, in units of the font size (baseline at y = 0, y down), from
 * the DejaVu Sans Bold font when installed (Java's default sans-serif otherwise), flattened once per
 * character and drawn by {@link Rasterizer} so that labels are anti-aliased like everything else.
 */
final class GlyphOutlines {
    private static final double SIZE = 64;
    private static final Font FONT = font();
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final ConcurrentHashMap<Character, Glyph> CACHE = new ConcurrentHashMap<>();

    /** Contours (x, y pairs) of one character and how far the pen moves after it, per unit of size. */
    record Glyph(double[][] contours, double advance) {}

    private GlyphOutlines() {}

    private static Font font() {
        Font f = new Font("DejaVu Sans", Font.BOLD, (int) SIZE);
        return f.getFamily().equals("DejaVu Sans") ? f : new Font(Font.SANS_SERIF, Font.BOLD, (int) SIZE);
    }

    static Glyph glyph(char c) {
        return CACHE.computeIfAbsent(c, GlyphOutlines::outline);
    }

    /** Width of a text per unit of size. */
    static double width(String text) {
        double w = 0;
        for (int k = 0; k < text.length(); k++) {
            w += glyph(text.charAt(k)).advance();
        }
        return w;
    }

    /** Height of digits above the baseline per unit of size. */
    static double capHeight() {
        return 0.73;
    }

    private static Glyph outline(char c) {
        GlyphVector gv = FONT.createGlyphVector(CONTEXT, String.valueOf(c));
        PathIterator it = gv.getGlyphOutline(0).getPathIterator(null, 0.4);
        List<double[]> contours = new ArrayList<>();
        double[] cur = new double[0];
        int n = 0;
        double[] seg = new double[6];
        while (!it.isDone()) {
            int type = it.currentSegment(seg);
            if (type == PathIterator.SEG_MOVETO) {
                if (n >= 6) {
                    contours.add(java.util.Arrays.copyOf(cur, n));
                }
                cur = new double[64];
                n = 0;
            }
            if (type == PathIterator.SEG_MOVETO || type == PathIterator.SEG_LINETO) {
                if (n + 2 > cur.length) {
                    cur = java.util.Arrays.copyOf(cur, 2 * cur.length);
                }
                cur[n++] = seg[0] / SIZE;
                cur[n++] = seg[1] / SIZE;
            }
            it.next();
        }
        if (n >= 6) {
            contours.add(java.util.Arrays.copyOf(cur, n));
        }
        double advance = gv.getGlyphMetrics(0).getAdvance() / SIZE;
        return new Glyph(contours.toArray(new double[0][]), advance);
    }
}
