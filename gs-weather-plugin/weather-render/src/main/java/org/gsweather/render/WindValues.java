package org.gsweather.render;

import java.util.Objects;
import org.gsweather.grid.Grid;

/**
 * A decoded wind: u and v components on one grid, in {@code units}, either east/north or along the
 * grid's x/y axes ({@code gridRelative}, e.g. HRRR and NAM on Lambert grids). Decode once, draw many
 * tiles. Immutable; the arrays are not copied.
 */
public final class WindValues {
    private final GridValues u;
    private final GridValues v;
    private final boolean gridRelative;
    private volatile GridValues speed;

    public WindValues(GridValues u, GridValues v, boolean gridRelative) {
        this.u = Objects.requireNonNull(u, "u");
        this.v = Objects.requireNonNull(v, "v");
        if (!u.grid().equals(v.grid())) {
            throw new IllegalArgumentException(
                    "u and v lie on different grids: " + u.grid().describe() + " and "
                            + v.grid().describe() + "; a wind needs both components on one grid");
        }
        if (!u.units().equals(v.units())) {
            throw new IllegalArgumentException("u is in " + u.units() + " but v in " + v.units());
        }
        this.gridRelative = gridRelative;
    }

    public GridValues u() {
        return u;
    }

    public GridValues v() {
        return v;
    }

    public Grid grid() {
        return u.grid();
    }

    public String units() {
        return u.units();
    }

    public boolean gridRelative() {
        return gridRelative;
    }

    /**
     * This wind with east/north components: itself when it already is, else a copy with every grid
     * point's components turned by the meridian convergence of the grid's projection there (computed
     * once per call: keep the result with the decoded field).
     */
    public WindValues earthRelative() {
        if (!gridRelative) {
            return this;
        }
        Grid grid = grid();
        float[] uu = u.values();
        float[] vv = v.values();
        float[] eu = new float[uu.length];
        float[] ev = new float[vv.length];
        NorthAngle north = new NorthAngle();
        double[] lonLat = new double[2];
        double[] uv = new double[2];
        double[] scratch = new double[2];
        int nx = grid.nx();
        for (int j = 0, k = 0; j < grid.ny(); j++) {
            for (int i = 0; i < nx; i++, k++) {
                if (uu[k] != uu[k] || vv[k] != vv[k]) {
                    eu[k] = uu[k];
                    ev[k] = vv[k];
                    continue;
                }
                grid.lonLat(i, j, lonLat);
                uv[0] = uu[k];
                uv[1] = vv[k];
                north.gridToEarth(grid.projection(), lonLat[0], lonLat[1], uv, scratch);
                eu[k] = (float) uv[0];
                ev[k] = (float) uv[1];
            }
        }
        return new WindValues(
                new GridValues(grid, eu, u.units(), u.label()), new GridValues(grid, ev, v.units(), v.label()), false);
    }

    /** The wind speed as a scalar field (computed once). */
    public GridValues speed() {
        GridValues s = speed;
        if (s == null) {
            float[] uu = u.values();
            float[] vv = v.values();
            float[] out = new float[uu.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = (float) Math.sqrt((double) uu[k] * uu[k] + (double) vv[k] * vv[k]);
            }
            s = new GridValues(u.grid(), out, u.units(), "wind speed");
            speed = s;
        }
        return s;
    }
}
