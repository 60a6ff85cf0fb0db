package org.gsweather.render;

/** Text as glyph outlines added to a {@link Rasterizer}: placed by its centre or left end, turned. */
final class TextPath {
    private double[] poly = new double[256];

    /**
     * Adds {@code text}, {@code size} pixels tall, its baseline turned by {@code angle} (radians,
     * clockwise on screen); (x, y) is the centre of the text when {@code centred}, else the left end of
     * its baseline's middle line (half the digit height above the baseline).
     */
    void add(Rasterizer raster, String text, double x, double y, double size, double angle, boolean centred) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double pen = centred ? -GlyphOutlines.width(text) * size / 2 : 0;
        double base = GlyphOutlines.capHeight() * size / 2;
        for (int k = 0; k < text.length(); k++) {
            GlyphOutlines.Glyph g = GlyphOutlines.glyph(text.charAt(k));
            for (double[] contour : g.contours()) {
                int n = contour.length / 2;
                if (poly.length < 2 * n) {
                    poly = new double[2 * n];
                }
                for (int q = 0; q < n; q++) {
                    double lx = pen + contour[2 * q] * size;
                    double ly = base + contour[2 * q + 1] * size;
                    poly[2 * q] = x + lx * cos - ly * sin;
                    poly[2 * q + 1] = y + lx * sin + ly * cos;
                }
                raster.path(poly, n);
            }
            pen += g.advance() * size;
        }
    }
}
