package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gsweather.grid.Grid;
import org.gsweather.grid.LambertConformal;
import org.junit.jupiter.api.Test;

/**
 * Direction and speed read back from rendered barbs and arrows. Winds on Lambert grids are given
 * grid-relative, turned from earth-relative winds by the NCEP rotation (angle n·(lon - LoV), as wgrib2
 * and GEMPAK compute it), an oracle independent of the renderer's finite-difference rotation.
 */
class BarbReadBackTest {
    private static final double KT = 1852.0 / 3600;
    private final TileRenderer renderer = new TileRenderer();

    /** A uniform earth-relative wind on a Lambert grid, stored grid-relative as HRRR and NAM store it. */
    static WindValues gridRelative(Grid grid, double uEarth, double vEarth) {
        LambertConformal lcc = (LambertConformal) grid.projection();
        double n = coneConstant(lcc);
        float[] u = new float[grid.size()];
        float[] v = new float[grid.size()];
        double[] ll = new double[2];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                grid.lonLat(i, j, ll);
                double dl = ll[0] - lcc.centralMeridian();
                dl -= 360 * Math.rint(dl / 360);
                double a = Math.toRadians(n * dl);
                u[j * grid.nx() + i] = (float) (Math.cos(a) * uEarth - Math.sin(a) * vEarth);
                v[j * grid.nx() + i] = (float) (Math.sin(a) * uEarth + Math.cos(a) * vEarth);
            }
        }
        return new WindValues(new GridValues(grid, u, "m/s", "u"), new GridValues(grid, v, "m/s", "v"), true);
    }

    static double coneConstant(LambertConformal p) {
        double f1 = Math.toRadians(p.standardParallel1());
        double f2 = Math.toRadians(p.standardParallel2());
        if (Math.abs(f1 - f2) < 1e-9) {
            return Math.sin(f1);
        }
        return Math.log(Math.cos(f1) / Math.cos(f2))
                / Math.log(Math.tan(Math.PI / 4 + f2 / 2) / Math.tan(Math.PI / 4 + f1 / 2));
    }

    /** Screen angle (degrees clockwise from up) of the most inked ray from (x, y), between r0 and r1. */
    static double inkedDirection(int[] px, int w, int h, double x, double y, double r0, double r1) {
        double best = -1;
        double bestAngle = Double.NaN;
        for (int d10 = 0; d10 < 3600; d10 += 5) {
            double a = Math.toRadians(d10 / 10.0);
            double dx = Math.sin(a);
            double dy = -Math.cos(a);
            double ink = 0;
            for (double r = r0; r <= r1; r += 0.5) {
                ink += alpha(px, w, h, x + r * dx, y + r * dy);
            }
            if (ink > best) {
                best = ink;
                bestAngle = d10 / 10.0;
            }
        }
        return bestAngle;
    }

    static int alpha(int[] px, int w, int h, double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        return ix < 0 || iy < 0 || ix >= w || iy >= h ? 0 : px[iy * w + ix] >>> 24;
    }

    /**
     * Runs of ink met walking from the tip towards the station along a line parallel to the staff, at
     * {@code offset} pixels on one side (+1 clockwise of the staff on screen, -1 the other); each run's
     * length in pixels.
     */
    static List<Double> runs(int[] px, int w, int h, double x, double y, double angle, double len, double offset) {
        double a = Math.toRadians(angle);
        double sx = Math.sin(a), sy = -Math.cos(a);
        double cx = -sy, cy = sx; // clockwise of the staff on screen
        List<Double> runs = new java.util.ArrayList<>();
        double start = Double.NaN;
        for (double r = len + 20; r >= 0.2 * len; r -= 0.25) {
            boolean ink = alpha(px, w, h, x + r * sx + offset * cx, y + r * sy + offset * cy) > 100;
            if (ink && Double.isNaN(start)) {
                start = r;
            } else if (!ink && !Double.isNaN(start)) {
                runs.add(start - r);
                start = Double.NaN;
            }
        }
        return runs;
    }

    /** Renders barbs of a uniform wind and checks each symbol within the image. */
    private void assertBarbs(WindValues wind, View view, double expectedAngle, int knots, boolean feathersClockwise) {
        BarbStyle style = new BarbStyle(96, 60, 2, 0xff000000, null);
        int[] px = renderer.render(FieldSource.of(wind), List.of(style), view).pixels();
        int w = view.width(), h = view.height();
        int checked = 0;
        for (double gy = Math.ceil(view.globalTop() / 96 - 0.5) * 96 + 48; gy < view.globalTop() + h; gy += 96) {
            for (double gx = Math.ceil(view.globalLeft() / 96 - 0.5) * 96 + 48; gx < view.globalLeft() + w; gx += 96) {
                double x = gx - view.globalLeft(), y = gy - view.globalTop();
                if (x < 62 || y < 62 || x > w - 62 || y > h - 62) {
                    continue;
                }
                double angle = inkedDirection(px, w, h, x, y, 3, 50);
                assertThat(angleDifference(angle, expectedAngle))
                        .as("staff direction at %.0f,%.0f: %.1f", x, y, angle)
                        .isLessThan(2.0);
                double side = feathersClockwise ? 1 : -1;
                List<Double> near = runs(px, w, h, x, y, angle, 60, side * 4);
                List<Double> far = runs(px, w, h, x, y, angle, 60, side * 15);
                List<Double> wrongSide = runs(px, w, h, x, y, angle, 60, -side * 6);
                long pennants = near.stream().filter(r -> r > 6).count();
                long barbs = far.size() - pennants;
                long halves = near.size() - far.size();
                assertThat(wrongSide).as("ink on the wrong side of the staff").isEmpty();
                assertThat(50 * pennants + 10 * barbs + 5 * halves)
                        .as("speed read back at %.0f,%.0f (runs near %s, far %s)", x, y, near, far)
                        .isEqualTo(knots);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    static double angleDifference(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }

    @Test
    void southerlyWindOnHrrrLambertGridDrawsStaffPointingSouthWithFeathersWestInWebMercator() {
        Grid grid = Sources.field(Sources.HRRR_TMP, 1).grid();
        // 25 kt from the south over the western US, where the grid's y axis is turned most from north
        WindValues wind = gridRelative(grid, 0, 25 * KT);
        View view = TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, 5, 12, 512);
        assertBarbs(wind, view, 180, 25, true);
    }

    @Test
    void westerlyJetOnNamGridReadsBackSixtyFiveKnots() {
        Grid grid = Sources.wind(Sources.NAM, "500 hPa").grid();
        WindValues wind = gridRelative(grid, 65 * KT, 0);
        View view = TileMatrixSet.WEB_MERCATOR_QUAD.tile(4, 4, 5, 512);
        // staff towards the west (270 degrees), feathers on its clockwise side: north
        assertBarbs(wind, view, 270, 65, true);
    }

    @Test
    void southernHemisphereFeathersOnTheOtherSide() {
        GridValues gfs = Sources.field(Sources.GFS, "TMP", "500 hPa");
        float[] u = new float[gfs.grid().size()];
        float[] v = new float[gfs.grid().size()];
        java.util.Arrays.fill(u, (float) (-35 * KT)); // easterly, 35 kt
        WindValues wind = new WindValues(
                new GridValues(gfs.grid(), u, "m/s", "u"), new GridValues(gfs.grid(), v, "m/s", "v"), false);
        View view = View.of("EPSG:4326", 20, -50, 60, -10, 512, 512);
        assertBarbs(wind, view, 90, 35, false);
    }

    @Test
    void barbsInPolarStereographicPointAlongTheMeridians() {
        // a 20 kt northerly everywhere: in EPSG:3413 north points to the pole, so staffs point to the centre
        GridValues gfs = Sources.field(Sources.GFS, "TMP", "500 hPa");
        float[] u = new float[gfs.grid().size()];
        float[] v = new float[gfs.grid().size()];
        java.util.Arrays.fill(v, (float) (-20 * KT));
        WindValues wind = new WindValues(
                new GridValues(gfs.grid(), u, "m/s", "u"), new GridValues(gfs.grid(), v, "m/s", "v"), false);
        View view = View.of("EPSG:3413", 1e6, -3e6, 3e6, -1e6, 512, 512);
        BarbStyle style = new BarbStyle(96, 60, 2, 0xff000000, null);
        int[] px = renderer.render(FieldSource.of(wind), List.of(style), view).pixels();
        double gx = Math.ceil(view.globalLeft() / 96 - 0.5) * 96 + 48 + 192;
        double gy = Math.ceil(view.globalTop() / 96 - 0.5) * 96 + 48 + 192;
        double x = gx - view.globalLeft(), y = gy - view.globalTop();
        double cx = view.x(x - 0.5), cy = view.y(y - 0.5); // CRS position of the symbol
        double towardsPole = Math.toDegrees(Math.atan2(-cx, -cy)); // clockwise from up, to (0, 0)
        assertThat(angleDifference(inkedDirection(px, 512, 512, x, y, 3, 50), towardsPole))
                .isLessThan(2.0);
    }

    @Test
    void arrowsPointWhereTheWindBlows() {
        Grid grid = Sources.field(Sources.HRRR_TMP, 1).grid();
        WindValues wind = gridRelative(grid, 0, 25 * KT);
        View view = TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, 5, 12, 512);
        ArrowStyle style = new ArrowStyle(96, 60, 2, 0xff000000, false, 20, null);
        int[] px = renderer.render(FieldSource.of(wind), List.of(style), view).pixels();
        double gx = Math.ceil(view.globalLeft() / 96 - 0.5) * 96 + 48 + 96;
        double gy = Math.ceil(view.globalTop() / 96 - 0.5) * 96 + 48 + 96;
        double x = gx - view.globalLeft(), y = gy - view.globalTop();
        double axis = inkedDirection(px, 512, 512, x, y, 10, 29);
        // the head is the wider end
        double ahead = width(px, x, y, axis, 25);
        double behind = width(px, x, y, axis + 180, 25);
        double head = ahead > behind ? axis : axis + 180;
        assertThat(angleDifference(head, 0))
                .as("arrow direction %.1f (axis %.1f, widths %.0f %.0f)", head, axis, ahead, behind)
                .isLessThan(2.0);
    }

    @Test
    void scaledArrowsAreAsLongWhateverTheWindsUnits() {
        Grid grid = Sources.field(Sources.HRRR_TMP, 1).grid();
        WindValues metres = gridRelative(grid, 12, 5);
        float[] u = metres.u().values().clone();
        float[] v = metres.v().values().clone();
        for (int k = 0; k < u.length; k++) {
            u[k] /= KT;
            v[k] /= KT;
        }
        WindValues knots = new WindValues(new GridValues(grid, u, "kt", "u"), new GridValues(grid, v, "kt", "v"), true);
        View view = TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, 5, 12, 512);
        ArrowStyle style = new ArrowStyle(96, 30, 2, 0xff000000, true, 10, null);
        long inkMetres = ink(
                renderer.render(FieldSource.of(metres), List.of(style), view).pixels());
        long inkKnots =
                ink(renderer.render(FieldSource.of(knots), List.of(style), view).pixels());
        assertThat(inkMetres).isPositive();
        assertThat((double) inkKnots).isCloseTo(inkMetres, org.assertj.core.data.Percentage.withPercentage(1));
    }

    private static long ink(int[] px) {
        long sum = 0;
        for (int p : px) {
            sum += p >>> 24;
        }
        return sum;
    }

    /** Ink across the line at distance r from (x, y) in direction angle. */
    private static double width(int[] px, double x, double y, double angle, double r) {
        double a = Math.toRadians(angle);
        double sx = Math.sin(a), sy = -Math.cos(a);
        double ink = 0;
        for (double t = -10; t <= 10; t += 0.5) {
            ink += alpha(px, 512, 512, x + r * sx - t * sy, y + r * sy + t * sx);
        }
        return ink;
    }
}
