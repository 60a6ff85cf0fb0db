package org.gsweather.render;

import org.gsweather.field.Missing;

/**
 * Looks values up in a decoded grid at fractional indices, as {@link InverseMapping} produces them.
 * Points outside the grid, and points whose nearest grid point is missing, come out as {@link Missing}
 * NaNs (the missing point's own NaN, payload included).
 */
final class FieldSampler {
    private FieldSampler() {}

    /** Samples the points {@code from} (inclusive) to {@code to} (exclusive) of {@code fi}, {@code fj} into out. */
    static void sample(GridValues field, Sampling sampling, float[] fi, float[] fj, int from, int to, float[] out) {
        if (sampling == Sampling.NEAREST) {
            nearest(field, fi, fj, from, to, out);
        } else {
            bilinear(field, fi, fj, from, to, out);
        }
    }

    static void nearest(GridValues field, float[] fi, float[] fj, int from, int to, float[] out) {
        int nx = field.nx();
        int ny = field.ny();
        float[] v = field.values();
        double period = field.period();
        boolean wraps = period == period;
        for (int k = from; k < to; k++) {
            double i = fi[k];
            if (wraps) {
                i -= period * Math.floor(i / period);
            }
            double x = i + 0.5;
            double y = fj[k] + 0.5;
            if (!(x >= 0 && y >= 0)) { // before the grid, or NaN: no point there
                out[k] = Missing.VALUE;
                continue;
            }
            int ci = (int) x; // the floor, as x >= 0
            int cj = (int) y;
            if (wraps && ci >= nx) {
                ci = 0;
            }
            out[k] = ci >= nx || cj >= ny ? Missing.VALUE : v[cj * nx + ci];
        }
    }

    static void bilinear(GridValues field, float[] fi, float[] fj, int from, int to, float[] out) {
        int nx = field.nx();
        int ny = field.ny();
        float[] v = field.values();
        double period = field.period();
        boolean wraps = period == period;
        float p = (float) period;
        for (int k = from; k < to; k++) {
            float x = fi[k];
            float y = fj[k];
            if (wraps) {
                if (x < 0 || x >= p) {
                    x -= p * (float) Math.floor(x / p);
                }
            }
            // x, y >= -0.5 inside the grid: shifting by one keeps the truncation a floor
            int i0 = (int) (x + 1) - 1;
            int j0 = (int) (y + 1) - 1;
            float a = x - i0;
            float b = y - j0;
            int ci = a >= 0.5f ? i0 + 1 : i0;
            int cj = b >= 0.5f ? j0 + 1 : j0;
            if (wraps && ci >= nx) {
                ci = 0;
            }
            if (!(x >= -1 && y >= -1) || ci < 0 || ci >= nx || cj < 0 || cj >= ny) { // NaN lands here too
                out[k] = Missing.VALUE;
                continue;
            }
            float nearest = v[cj * nx + ci];
            if (nearest != nearest) {
                out[k] = nearest;
                continue;
            }
            int i1 = i0 + 1;
            int j1 = j0 + 1;
            if (wraps) {
                if (i1 >= nx) {
                    i1 -= nx;
                }
            } else {
                if (i0 < 0) {
                    i0 = 0;
                }
                if (i1 >= nx) {
                    i1 = nx - 1;
                }
            }
            if (j0 < 0) {
                j0 = 0;
            }
            if (j1 >= ny) {
                j1 = ny - 1;
            }
            int r0 = j0 * nx;
            int r1 = j1 * nx;
            float v00 = v[r0 + i0], v10 = v[r0 + i1], v01 = v[r1 + i0], v11 = v[r1 + i1];
            float top = v00 + a * (v10 - v00);
            float bottom = v01 + a * (v11 - v01);
            float sum = top + b * (bottom - top);
            out[k] = sum == sum ? sum : bilinear(field, fi[k], fj[k]);
        }
    }

    /**
     * Samples a grid whose column depends on the pixel column only and whose row on the pixel row only
     * ({@link InverseMapping#separable}): the neighbours and weights of each column and each row are
     * worked out once, so a pixel costs four loads (one for nearest). Same values as {@link #sample}.
     */
    static void sampleSeparable(
            GridValues field,
            Sampling sampling,
            double[] columns,
            int w,
            double[] rows,
            int h,
            float[] out,
            int[] scratchI,
            float[] scratchA) {
        prepareColumns(field, columns, w, scratchI, scratchA);
        sampleRows(field, sampling, columns, w, rows, 0, h, out, scratchI, scratchA);
    }

    /**
     * The first step of {@link #sampleSeparable}: the neighbours and weight of each pixel column into {@code
     * scratchI} (3 w values) and {@code scratchA} (w values), which {@link #sampleRows} then only reads.
     */
    static void prepareColumns(GridValues field, double[] columns, int w, int[] scratchI, float[] scratchA) {
        int nx = field.nx();
        double period = field.period();
        boolean wraps = period == period;
        // per column: nearest index (or -1 outside), the two neighbours and the weight
        int[] near = scratchI; // [0, w): nearest column or -1; [w, 2w): left neighbour; [2w, 3w): right one
        for (int px = 0; px < w; px++) {
            double x = columns[px];
            if (wraps && (x < 0 || x >= period)) {
                x -= period * Math.floor(x / period);
            }
            int n = (int) Math.floor(x + 0.5);
            if (wraps && n >= nx) {
                n = 0;
            }
            near[px] = x != x || n < 0 || n >= nx ? -1 : n;
            int i0 = (int) Math.floor(x);
            scratchA[px] = (float) (x - i0);
            int i1 = i0 + 1;
            if (wraps) {
                i1 = i1 >= nx ? i1 - nx : i1;
            } else {
                i0 = Math.max(0, i0);
                i1 = Math.min(nx - 1, i1);
            }
            near[w + px] = i0;
            near[2 * w + px] = i1;
        }
    }

    /** The second step of {@link #sampleSeparable}: the pixel rows {@code py0} to {@code py1} (exclusive). */
    static void sampleRows(
            GridValues field,
            Sampling sampling,
            double[] columns,
            int w,
            double[] rows,
            int py0,
            int py1,
            float[] out,
            int[] near,
            float[] scratchA) {
        int nx = field.nx();
        float[] v = field.values();
        for (int py = py0; py < py1; py++) {
            double y = rows[py];
            int cj = (int) Math.floor(y + 0.5);
            int row = py * w;
            if (y != y || cj < 0 || cj >= field.ny()) {
                java.util.Arrays.fill(out, row, row + w, Missing.VALUE);
                continue;
            }
            int nearRow = cj * nx;
            if (sampling == Sampling.NEAREST) {
                for (int px = 0; px < w; px++) {
                    int n = near[px];
                    out[row + px] = n < 0 ? Missing.VALUE : v[nearRow + n];
                }
                continue;
            }
            int j0 = (int) Math.floor(y);
            float b = (float) (y - j0);
            int j1 = Math.min(field.ny() - 1, j0 + 1);
            j0 = Math.max(0, j0);
            int r0 = j0 * nx;
            int r1 = j1 * nx;
            for (int px = 0; px < w; px++) {
                int n = near[px];
                if (n < 0) {
                    out[row + px] = Missing.VALUE;
                    continue;
                }
                float nearest = v[nearRow + n];
                if (nearest != nearest) {
                    out[row + px] = nearest;
                    continue;
                }
                int i0 = near[w + px];
                int i1 = near[2 * w + px];
                float a = scratchA[px];
                float v00 = v[r0 + i0], v10 = v[r0 + i1], v01 = v[r1 + i0], v11 = v[r1 + i1];
                float top = v00 + a * (v10 - v00);
                float bottom = v01 + a * (v11 - v01);
                float sum = top + b * (bottom - top);
                out[row + px] = sum == sum ? sum : bilinear(field, columns[px], y);
            }
        }
    }

    /** Bilinear value at one fractional index (see {@link Sampling#BILINEAR}). */
    static float bilinear(GridValues field, double i, double j) {
        int nx = field.nx();
        int ny = field.ny();
        float[] v = field.values();
        double period = field.period();
        boolean wraps = period == period;
        if (wraps) {
            i -= period * Math.floor(i / period);
        }
        int ci = (int) Math.floor(i + 0.5);
        int cj = (int) Math.floor(j + 0.5);
        if (wraps && ci >= nx) {
            ci = 0;
        }
        if (ci < 0 || ci >= nx || cj < 0 || cj >= ny) {
            return Missing.VALUE;
        }
        float nearest = v[cj * nx + ci];
        if (nearest != nearest) {
            return nearest;
        }
        int i0 = (int) Math.floor(i);
        int j0 = (int) Math.floor(j);
        float a = (float) (i - i0);
        float b = (float) (j - j0);
        int i1 = i0 + 1;
        int j1 = j0 + 1;
        if (wraps) {
            if (i1 >= nx) {
                i1 -= nx;
            }
        } else {
            if (i0 < 0) {
                i0 = 0;
            }
            if (i1 >= nx) {
                i1 = nx - 1;
            }
        }
        if (j0 < 0) {
            j0 = 0;
        }
        if (j1 >= ny) {
            j1 = ny - 1;
        }
        float v00 = v[j0 * nx + i0];
        float v10 = v[j0 * nx + i1];
        float v01 = v[j1 * nx + i0];
        float v11 = v[j1 * nx + i1];
        float w00 = (1 - a) * (1 - b), w10 = a * (1 - b), w01 = (1 - a) * b, w11 = a * b;
        float sum = w00 * v00 + w10 * v10 + w01 * v01 + w11 * v11;
        if (sum == sum) {
            return sum;
        }
        float s = 0, wsum = 0;
        if (v00 == v00) {
            s += w00 * v00;
            wsum += w00;
        }
        if (v10 == v10) {
            s += w10 * v10;
            wsum += w10;
        }
        if (v01 == v01) {
            s += w01 * v01;
            wsum += w01;
        }
        if (v11 == v11) {
            s += w11 * v11;
            wsum += w11;
        }
        return s / wsum;
    }
}
