package org.gsweather.render;

/**
 * Wind barbs and arrows on a lattice fixed in the output CRS: lattice points sit at global pixel
 * coordinates {@code ((k + 0.5) * spacing, (m + 0.5) * spacing)} (see {@link View}), so every tile of a
 * zoom level draws the same symbols at the same places and density on screen does not change with
 * zoom. A symbol near a tile border is drawn by each tile it touches, clipped.
 */
final class SymbolLayer {
    static final double KNOTS_PER_MS = 3600.0 / 1852;

    private final Rasterizer raster = new Rasterizer();
    private final NorthAngle northAngle = new NorthAngle();
    private final double[] ll = new double[2];
    private final double[] ij = new double[2];
    private final double[] uv = new double[2];
    private final double[] north = new double[2];
    private final double[] scratch = new double[2];
    private final double[] poly = new double[8];

    /** One symbol to draw: screen position, screen direction the wind blows to, speed, hemisphere. */
    private double sx, sy, dirX, dirY, speed;

    private boolean south;

    void barbs(Canvas c, WindValues wind, BarbStyle style, View view) {
        ColorRamp colors = style.speedColors() == null ? null : ColorRamp.of(style.speedColors(), "kt");
        draw(
                c,
                wind,
                view,
                style.spacing(),
                style.size() + 2 * style.lineWidth() + 2,
                colors,
                style.color(),
                true,
                style,
                null);
    }

    void arrows(Canvas c, WindValues wind, ArrowStyle style, View view) {
        ColorRamp colors = speedColors(style.speedColors());
        double reach = (style.scaled() ? 2 * style.size() : style.size()) + 2 * style.lineWidth() + 2;
        draw(c, wind, view, style.spacing(), reach, colors, style.color(), false, null, style);
    }

    private ColorRamp lastColors;

    private ColorRamp speedColors(RampStyle style) {
        if (style == null) {
            return null;
        }
        if (lastColors == null || lastColors.style() != style) {
            lastColors = ColorRamp.of(style, "kt");
        }
        return lastColors;
    }

    private void draw(
            Canvas c,
            WindValues wind,
            View view,
            double spacing,
            double reach,
            ColorRamp colors,
            int color,
            boolean barbs,
            BarbStyle barb,
            ArrowStyle arrow) {
        int w = view.width();
        int h = view.height();
        raster.reset(w, h);
        int[] argb = c.argb();
        double resX = view.resolutionX();
        double resY = view.resolutionY();
        double left = view.globalLeft();
        double top = view.globalTop();
        long k0 = (long) Math.floor((left - reach) / spacing - 0.5);
        long k1 = (long) Math.ceil((left + w + reach) / spacing - 0.5);
        long m0 = (long) Math.floor((top - reach) / spacing - 0.5);
        long m1 = (long) Math.ceil((top + h + reach) / spacing - 0.5);
        OutputCrs crs = view.crs();
        GridValues u = wind.u();
        GridValues v = wind.v();
        double knotsPerUnit = Units.conversion(wind.units(), "kt")[0];
        boolean drew = false;
        for (long m = m0; m <= m1; m++) {
            double gy = (m + 0.5) * spacing;
            double y = -gy * resY;
            if (y < crs.minY() || y > crs.maxY()) {
                continue;
            }
            for (long k = k0; k <= k1; k++) {
                double gx = (k + 0.5) * spacing;
                double x = gx * resX;
                if (x < crs.reachMinX() || x > crs.reachMaxX()) {
                    continue;
                }
                if (!windAt(crs, x, y, u, v, wind)) {
                    continue;
                }
                sx = gx - left;
                sy = gy - top;
                double kt = speed * knotsPerUnit;
                if (barbs) {
                    barb(barb, kt);
                } else {
                    arrow(arrow, metresPerSecond(kt));
                }
                if (colors != null) {
                    drew |= raster.paint(argb, colors.color((float) kt));
                }
            }
        }
        if (colors == null) {
            drew |= raster.paint(argb, color);
        }
        if (drew) {
            c.markDrawn();
        }
    }

    /**
     * Draws one barb or arrow for a legend: at (x, y) on a canvas, the wind blowing from the west at
     * {@code kt} knots (northern hemisphere).
     */
    void key(Canvas c, Style style, double x, double y, double kt, int color) {
        raster.reset(c.width(), c.height());
        sx = x;
        sy = y;
        dirX = 1;
        dirY = 0;
        south = false;
        if (style instanceof BarbStyle b) {
            barb(b, kt);
        } else {
            arrow((ArrowStyle) style, metresPerSecond(kt));
        }
        raster.paint(c.argb(), color);
        c.markDrawn();
    }

    static double metresPerSecond(double kt) {
        return kt / KNOTS_PER_MS;
    }

    /** Samples the wind at CRS x/y and turns it into a screen direction; false where there is none. */
    private boolean windAt(OutputCrs crs, double x, double y, GridValues u, GridValues v, WindValues wind) {
        crs.inverse(x, y, ll);
        double lon = ll[0];
        double lat = ll[1];
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            return false;
        }
        wind.grid().index(lon, lat, ij);
        float uu = FieldSampler.bilinear(u, ij[0], ij[1]);
        float vv = FieldSampler.bilinear(v, ij[0], ij[1]);
        if (uu != uu || vv != vv) {
            return false;
        }
        uv[0] = uu;
        uv[1] = vv;
        if (wind.gridRelative()) {
            northAngle.gridToEarth(wind.grid().projection(), lon, lat, uv, scratch);
        }
        speed = Math.sqrt(uv[0] * uv[0] + uv[1] * uv[1]);
        south = lat < 0;
        // north and east on screen (y down) at this point of the output CRS
        northAngle.north(crs.projection(), lon, lat, north);
        double nx = north[0];
        double ny = -north[1];
        double ex = -ny;
        double ey = nx;
        if (speed > 0) {
            dirX = (uv[0] * ex + uv[1] * nx) / speed;
            dirY = (uv[0] * ey + uv[1] * ny) / speed;
        } else {
            dirX = nx;
            dirY = ny;
        }
        return true;
    }

    /**
     * A WMO barb: the staff points to where the wind comes from; pennants (50 kt), barbs (10 kt) and a
     * half barb (5 kt) from its far end, on the side of lower pressure (clockwise side of the staff in
     * the northern hemisphere, the other in the southern); a circle below 2.5 kt.
     */
    private void barb(BarbStyle style, double kt) {
        double len = style.size();
        double lw = style.lineWidth();
        int rounded = (int) Math.floor(kt / 5 + 0.5) * 5;
        if (rounded < 5) {
            raster.ring(sx, sy, 0.18 * len, lw);
            return;
        }
        // staff unit vector (towards where the wind comes from) and the feather side, on screen
        double stx = -dirX;
        double sty = -dirY;
        // clockwise of the staff on screen (y down) is (-sty, stx); the southern hemisphere mirrors it
        double side = south ? -1 : 1;
        double fx = -sty * side;
        double fy = stx * side;
        double tipX = sx + stx * len;
        double tipY = sy + sty * len;
        raster.segment(sx, sy, tipX, tipY, lw, 0.5 * lw);
        double feather = 0.42 * len;
        double step = 0.14 * len;
        double pennantBase = 0.16 * len;
        // feathers lean towards the tip: the direction 60 degrees from the staff
        double lx = 0.5 * stx + 0.866 * fx;
        double ly = 0.5 * sty + 0.866 * fy;
        double along = 0;
        int remaining = rounded;
        while (remaining >= 50) {
            double bx = tipX - stx * along;
            double by = tipY - sty * along;
            poly[0] = bx;
            poly[1] = by;
            poly[2] = bx - stx * pennantBase;
            poly[3] = by - sty * pennantBase;
            poly[4] = bx + fx * feather * 0.866 - stx * 0.0;
            poly[5] = by + fy * feather * 0.866;
            raster.polygon(poly, 3);
            along += pennantBase + 0.35 * step;
            remaining -= 50;
        }
        if (along > 0 && remaining > 0) {
            along += 0.3 * step;
        }
        while (remaining >= 10) {
            double bx = tipX - stx * along;
            double by = tipY - sty * along;
            raster.segment(bx, by, bx + lx * feather, by + ly * feather, lw, 0.5 * lw);
            along += step;
            remaining -= 10;
        }
        if (remaining >= 5) {
            if (along == 0) {
                along = step; // a lone half barb stands off the tip
            }
            double bx = tipX - stx * along;
            double by = tipY - sty * along;
            raster.segment(bx, by, bx + lx * feather * 0.5, by + ly * feather * 0.5, lw, 0.5 * lw);
        }
    }

    /** An arrow centred on the lattice point, pointing where the wind blows at {@code speed} m/s. */
    private void arrow(ArrowStyle style, double speed) {
        double len = style.scaled()
                ? Math.min(2 * style.size(), style.size() * speed / style.referenceSpeed())
                : style.size();
        if (len < 2) {
            raster.ring(sx, sy, 1.5, style.lineWidth());
            return;
        }
        double lw = style.lineWidth();
        double head = Math.min(0.35 * len, 3 + 2.5 * lw);
        double x0 = sx - 0.5 * len * dirX;
        double y0 = sy - 0.5 * len * dirY;
        double x1 = sx + 0.5 * len * dirX;
        double y1 = sy + 0.5 * len * dirY;
        double bx = x1 - dirX * head;
        double by = y1 - dirY * head;
        raster.segment(x0, y0, bx, by, lw, 0);
        double px = -dirY * head * 0.45;
        double py = dirX * head * 0.45;
        poly[0] = x1;
        poly[1] = y1;
        poly[2] = bx + px;
        poly[3] = by + py;
        poly[4] = bx - px;
        poly[5] = by - py;
        raster.polygon(poly, 3);
    }
}
