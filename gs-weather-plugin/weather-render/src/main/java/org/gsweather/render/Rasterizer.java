package org.gsweather.render;

import java.util.Arrays;

/**
 * Anti-aliased polygon filling by exact area coverage: each polygon edge adds its signed area to an
 * accumulation buffer, and a running sum along each row gives every pixel the fraction of it that the
 * shapes cover (the method of font-rs and stb_truetype). Shapes of one {@link #paint} call are united:
 * overlapping parts count once. Edges are clipped to the image, so symbols across a tile border draw
 * exactly their part. Not thread-safe; reused from tile to tile.
 */
final class Rasterizer {
    /**
     * Coverage is quantized to 16 steps: hardly visible, and it keeps symbol and line layers
     * within 256 colors, so that they encode as small indexed PNGs.
     */
    static final int STEPS = 15;

    private static final int[] ALPHA = new int[STEPS + 1];

    static {
        for (int k = 0; k <= STEPS; k++) {
            ALPHA[k] = (k * 255 + STEPS / 2) / STEPS;
        }
    }

    private int width;
    private int height;
    private int stride;
    private float[] area = new float[0];
    private int minRow;
    private int maxRow;
    private int minColumn;
    private int maxColumn;
    private final double[] quad = new double[8];

    /** Prepares for an image of this size; the buffer is kept when large enough. */
    void reset(int width, int height) {
        this.width = width;
        this.height = height;
        this.stride = width + 2;
        int n = stride * (height + 1);
        if (area.length < n) {
            area = new float[n];
        } else {
            Arrays.fill(area, 0, n, 0f);
        }
        clean();
    }

    private void clean() {
        minRow = Integer.MAX_VALUE;
        maxRow = -1;
        minColumn = Integer.MAX_VALUE;
        maxColumn = -1;
    }

    /** Adds a closed polygon of {@code n} points {@code (xy[2k], xy[2k+1])}, oriented as given. */
    void path(double[] xy, int n) {
        for (int k = 0; k < n; k++) {
            int m = (k + 1) % n;
            edge(xy[2 * k], xy[2 * k + 1], xy[2 * m], xy[2 * m + 1]);
        }
    }

    /** Adds a closed polygon oriented so that it unites with every other {@link #polygon}. */
    void polygon(double[] xy, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            int m = (k + 1) % n;
            s += xy[2 * k] * xy[2 * m + 1] - xy[2 * m] * xy[2 * k + 1];
        }
        if (s >= 0) {
            path(xy, n);
        } else {
            for (int k = n - 1; k >= 0; k--) {
                int m = (k + n - 1) % n;
                edge(xy[2 * k], xy[2 * k + 1], xy[2 * m], xy[2 * m + 1]);
            }
        }
    }

    /** A straight stroke from (x0, y0) to (x1, y1), {@code width} wide, its ends extended by {@code cap}. */
    void segment(double x0, double y0, double x1, double y1, double width, double cap) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.sqrt(dx * dx + dy * dy);
        if (len == 0) {
            dx = 1;
            dy = 0;
        } else {
            dx /= len;
            dy /= len;
        }
        double h = 0.5 * width;
        double nx = -dy * h;
        double ny = dx * h;
        double ex = dx * cap;
        double ey = dy * cap;
        // oriented like the polygons: counter-clockwise on screen (y down)
        quad[0] = x0 - ex - nx;
        quad[1] = y0 - ey - ny;
        quad[2] = x1 + ex - nx;
        quad[3] = y1 + ey - ny;
        quad[4] = x1 + ex + nx;
        quad[5] = y1 + ey + ny;
        quad[6] = x0 - ex + nx;
        quad[7] = y0 - ey + ny;
        path(quad, 4);
    }

    /** A circle outline of radius {@code r} (to the middle of the line), {@code width} wide. */
    void ring(double cx, double cy, double r, double width) {
        int n = 24;
        double ro = r + 0.5 * width;
        double ri = Math.max(0, r - 0.5 * width);
        for (int k = 0; k < n; k++) {
            double a0 = 2 * Math.PI * k / n;
            double a1 = 2 * Math.PI * (k + 1) / n;
            edge(cx + ro * Math.cos(a0), cy + ro * Math.sin(a0), cx + ro * Math.cos(a1), cy + ro * Math.sin(a1));
            edge(cx + ri * Math.cos(a1), cy + ri * Math.sin(a1), cx + ri * Math.cos(a0), cy + ri * Math.sin(a0));
        }
    }

    /** Adds one edge, clipped to the image: parts left or right of it slide onto its border. */
    void edge(double x0, double y0, double x1, double y1) {
        if (y0 == y1 || (y0 <= 0 && y1 <= 0) || (y0 >= height && y1 >= height)) {
            return;
        }
        if ((x0 < 0 && x1 > 0) || (x0 > 0 && x1 < 0)) {
            double ym = y0 + (0 - x0) / (x1 - x0) * (y1 - y0);
            edge(x0, y0, 0, ym);
            edge(0, ym, x1, y1);
            return;
        }
        if ((x0 < width && x1 > width) || (x0 > width && x1 < width)) {
            double ym = y0 + (width - x0) / (x1 - x0) * (y1 - y0);
            edge(x0, y0, width, ym);
            edge(width, ym, x1, y1);
            return;
        }
        line(clamp(x0), y0, clamp(x1), y1);
    }

    private double clamp(double x) {
        return x < 0 ? 0 : x > width ? width : x;
    }

    private void line(double xa, double ya, double xb, double yb) {
        double dir;
        double x0, y0, x1, y1;
        if (ya < yb) {
            dir = 1;
            x0 = xa;
            y0 = ya;
            x1 = xb;
            y1 = yb;
        } else {
            dir = -1;
            x0 = xb;
            y0 = yb;
            x1 = xa;
            y1 = ya;
        }
        double dxdy = (x1 - x0) / (y1 - y0);
        double x = x0;
        if (y0 < 0) {
            // x between the clipped ends, as in exact arithmetic: rounding can put it a hair outside the image, and a
            // hair left of 0 is the column before (the row before's last cell, or outside the buffer in row 0)
            x = clamp(x - y0 * dxdy);
            y0 = 0;
        }
        int rowStart = (int) y0;
        int rowEnd = Math.min(height, (int) Math.ceil(y1));
        if (rowStart < minRow) {
            minRow = rowStart;
        }
        if (rowEnd - 1 > maxRow) {
            maxRow = rowEnd - 1;
        }
        float[] a = area;
        for (int y = rowStart; y < rowEnd; y++) {
            int line = y * stride;
            double dy = Math.min(y + 1, y1) - Math.max(y, y0);
            double xnext = clamp(x + dxdy * dy);
            double d = dy * dir;
            double lo = Math.min(x, xnext);
            double hi = Math.max(x, xnext);
            double loFloor = Math.floor(lo);
            int loi = (int) loFloor;
            double hiCeil = Math.ceil(hi);
            int hii = (int) hiCeil;
            if (loi < minColumn) {
                minColumn = loi;
            }
            if (hii + 1 > maxColumn) {
                maxColumn = hii + 1;
            }
            if (hii <= loi + 1) {
                double xm = 0.5 * (x + xnext) - loFloor;
                a[line + loi] += (float) (d - d * xm);
                a[line + loi + 1] += (float) (d * xm);
            } else {
                double s = 1 / (hi - lo);
                double lof = lo - loFloor;
                double a0 = 0.5 * s * (1 - lof) * (1 - lof);
                double hif = hi - hiCeil + 1;
                double am = 0.5 * s * hif * hif;
                a[line + loi] += (float) (d * a0);
                if (hii == loi + 2) {
                    a[line + loi + 1] += (float) (d * (1 - a0 - am));
                } else {
                    double a1 = s * (1.5 - lof);
                    a[line + loi + 1] += (float) (d * (a1 - a0));
                    for (int xi = loi + 2; xi < hii - 1; xi++) {
                        a[line + xi] += (float) (d * s);
                    }
                    double a2 = a1 + (hii - loi - 3) * s;
                    a[line + hii - 1] += (float) (d * (1 - a2 - am));
                }
                a[line + hii] += (float) (d * am);
            }
            x = xnext;
        }
    }

    /** Whether anything was added since the last paint. */
    boolean dirty() {
        return maxRow >= minRow && maxColumn >= minColumn;
    }

    /**
     * Composites the covered pixels with {@code color} (ARGB) over {@code argb} and empties the buffer.
     * Returns whether a pixel was touched.
     */
    boolean paint(int[] argb, int color) {
        if (!dirty()) {
            return false;
        }
        boolean touched = false;
        int c0 = Math.max(0, minColumn);
        int c1 = Math.min(stride - 1, maxColumn);
        float[] a = area;
        for (int y = minRow; y <= maxRow; y++) {
            int line = y * stride;
            float acc = 0;
            for (int x = c0; x <= c1; x++) {
                acc += a[line + x];
                a[line + x] = 0;
                if (x < width) {
                    float cov = Math.abs(acc);
                    if (cov > 0.5f / STEPS) {
                        int alpha = cov >= 1 ? 255 : ALPHA[(int) (cov * STEPS + 0.5f)];
                        argb[y * width + x] = Argb.over(argb[y * width + x], color, alpha);
                        touched = true;
                    }
                }
            }
        }
        clean();
        return touched;
    }
}
