package org.gsweather.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test point sets: coordinate pairs as {@code double[n][2]}. */
final class Points {
    private Points() {}

    /** Every (a, b): a from {@code a0} to {@code a1} by {@code da}, b from {@code b0} to {@code b1} by {@code db}. */
    static double[][] lattice(double a0, double a1, double da, double b0, double b1, double db) {
        List<double[]> points = new ArrayList<>();
        for (int j = 0; b0 + j * db <= b1 + 1e-9 * Math.abs(db); j++) {
            for (int i = 0; a0 + i * da <= a1 + 1e-9 * Math.abs(da); i++) {
                points.add(new double[] {a0 + i * da, b0 + j * db});
            }
        }
        return points.toArray(new double[0][]);
    }

    /** The pairs (v[0], v[1]), (v[2], v[3]), ... */
    static double[][] of(double... v) {
        double[][] points = new double[v.length / 2][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {v[2 * i], v[2 * i + 1]};
        }
        return points;
    }

    static double[][] concat(double[][]... sets) {
        return Arrays.stream(sets).flatMap(Arrays::stream).toArray(double[][]::new);
    }

    /** The points whose projection is finite (forward). */
    static double[][] visible(Projection projection, double[][] lonLat) {
        double[] xy = new double[2];
        return Arrays.stream(lonLat)
                .filter(p -> {
                    projection.forward(p[0], p[1], xy);
                    return !Double.isNaN(xy[0]);
                })
                .toArray(double[][]::new);
    }
}
