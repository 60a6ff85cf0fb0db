package org.gsweather.render;

import java.io.IOException;
import java.util.Objects;
import org.gsweather.field.DecodePool;
import org.gsweather.field.Field;
import org.gsweather.grid.Grid;

/**
 * A decoded scalar field ready to be drawn many times: the grid, its values ({@code values[j * nx + i]},
 * NaN where missing) and their units. Decode once, sample for every tile. The array is not copied and
 * must not change afterwards. Immutable and thread-safe.
 */
public final class GridValues {
    private final Grid grid;
    private final float[] values;
    private final String units;
    private final String label;
    private final double period;
    private volatile double[] range;

    /**
     * @param units units of the values, e.g. {@code K}
     * @param label what the values are, for legends, e.g. {@code TMP 2 m above ground}
     */
    public GridValues(Grid grid, float[] values, String units, String label) {
        this.grid = Objects.requireNonNull(grid, "grid");
        if (values.length != grid.size()) {
            throw new IllegalArgumentException(
                    values.length + " values for a grid of " + grid.nx() + "x" + grid.ny() + " points");
        }
        this.values = values;
        this.units = Objects.requireNonNull(units, "units");
        this.label = Objects.requireNonNull(label, "label");
        this.period = InverseMapping.period(grid);
    }

    /** Decodes a field. */
    public static GridValues read(Field field) throws IOException {
        return read(field, DecodePool.sequential());
    }

    /** The decoded values of a field, decoded by up to the pool's threads (the same values as {@link #read(Field)}). */
    public static GridValues read(Field field, DecodePool pool) throws IOException {
        return new GridValues(
                field.grid(),
                field.read(pool),
                field.info().parameter().units(),
                field.info().parameter().shortName() + " "
                        + field.info().level().label());
    }

    public Grid grid() {
        return grid;
    }

    public float[] values() {
        return values;
    }

    public String units() {
        return units;
    }

    public String label() {
        return label;
    }

    /**
     * The lowest and highest value of the field, missing values left out (computed once); {NaN, NaN} when
     * every value is missing.
     */
    public double[] range() {
        double[] r = range;
        if (r == null) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : values) {
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
            }
            r = lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
            range = r;
        }
        return r.clone();
    }

    int nx() {
        return grid.nx();
    }

    int ny() {
        return grid.ny();
    }

    /** Columns per turn of the globe, NaN for grids that do not wrap. */
    double period() {
        return period;
    }
}
