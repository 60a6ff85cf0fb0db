package org.gsweather.render;

/**
 * Isolines drawn seamlessly: the field is sampled (bilinear) on a lattice of nodes every {@value
 * #NODE} global pixels anchored at the CRS origin, over a window {@value #PAD} pixels wider than the
 * image on every side; lines are traced by marching squares, smoothed by moving averages, stroked and
 * clipped. Every vertex
 * is a function of the CRS position and zoom only, and the padding covers smoothing and labels, so
 * adjacent tiles draw the same lines and labels across their border.
 *
 * <p>Labels sit where a line crosses the vertical lines {@code x = (q + s) * } {@value #LABEL_SPACING}
 * global pixels ({@code s} staggers levels), upright along the line, on a halo; a candidate is dropped
 * when the line bends under it or a candidate of higher priority lies closer than a label's length.
 */
final class IsolineLayer {
    static final int NODE = 4;
    static final int PAD = 96;
    static final double LABEL_SPACING = 256;
    static final double MIN_LOOP = 10;

    private final Rasterizer raster = new Rasterizer();
    private final MarchingSquares squares = new MarchingSquares();
    private final Polylines raw = new Polylines();
    private final Polylines smooth = new Polylines();
    private final Polylines scratch = new Polylines();
    private final Polylines all = new Polylines();
    private final LabelPlacer labels = new LabelPlacer();
    private final double[] ll = new double[2];
    private final double[] ij = new double[2];
    private float[] lattice = new float[0];
    private double[] nodeColumns = new double[0];
    private double[] nodeRows = new double[0];
    private final TileRenderer fillRenderer;

    IsolineLayer(TileRenderer fillRenderer) {
        this.fillRenderer = fillRenderer;
    }

    void draw(Canvas c, GridValues field, IsolineStyle style, View view) {
        String units = style.units() != null ? style.units() : field.units();
        double[] conv = Units.conversion(field.units(), units); // display = data * conv[0] + conv[1]
        int w = view.width();
        int h = view.height();
        double left = view.globalLeft();
        double top = view.globalTop();
        long a0 = (long) Math.floor((left - PAD) / NODE);
        long b0 = (long) Math.floor((top - PAD) / NODE);
        int nx = (int) (Math.ceil((left + w + PAD) / NODE) - a0) + 1;
        int ny = (int) (Math.ceil((top + h + PAD) / NODE) - b0) + 1;
        if (lattice.length < nx * ny) {
            lattice = new float[nx * ny];
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        OutputCrs crs = view.crs();
        double resX = view.resolutionX();
        double resY = view.resolutionY();
        boolean separable = InverseMapping.separable(field.grid(), crs);
        if (separable) { // one grid column per node column, one grid row per node row
            if (nodeColumns.length < nx || nodeRows.length < ny) {
                nodeColumns = new double[Math.max(nx, nodeColumns.length)];
                nodeRows = new double[Math.max(ny, nodeRows.length)];
            }
            double xMid = (a0 + nx / 2) * NODE * resX;
            double yMid = -((b0 + ny / 2) * NODE) * resY;
            crs.inverse(clamp(xMid, crs.reachMinX(), crs.reachMaxX()), clamp(yMid, crs.minY(), crs.maxY()), ll);
            double lonMid = ll[0];
            double latMid = ll[1];
            for (int a = 0; a < nx; a++) {
                double x = (a0 + a) * NODE * resX;
                nodeColumns[a] = Double.NaN;
                if (x >= crs.reachMinX() && x <= crs.reachMaxX()) {
                    crs.inverse(x, clamp(yMid, crs.minY(), crs.maxY()), ll);
                    field.grid().index(ll[0], latMid, ij);
                    nodeColumns[a] = ij[0];
                }
            }
            for (int b = 0; b < ny; b++) {
                double y = -((b0 + b) * NODE) * resY;
                nodeRows[b] = Double.NaN;
                if (y >= crs.minY() && y <= crs.maxY()) {
                    crs.inverse(clamp(xMid, crs.reachMinX(), crs.reachMaxX()), y, ll);
                    field.grid().index(lonMid, ll[1], ij);
                    nodeRows[b] = ij[1];
                }
            }
        }
        for (int b = 0; b < ny; b++) {
            double y = -((b0 + b) * NODE) * resY;
            for (int a = 0; a < nx; a++) {
                double x = (a0 + a) * NODE * resX;
                float v = Float.NaN;
                if (separable) {
                    if (nodeColumns[a] == nodeColumns[a] && nodeRows[b] == nodeRows[b]) {
                        v = FieldSampler.bilinear(field, nodeColumns[a], nodeRows[b]);
                    }
                } else if (x >= crs.reachMinX() && x <= crs.reachMaxX() && y >= crs.minY() && y <= crs.maxY()) {
                    crs.inverse(x, y, ll);
                    if (ll[0] == ll[0] && ll[1] == ll[1]) {
                        field.grid().index(ll[0], ll[1], ij);
                        v = FieldSampler.bilinear(field, ij[0], ij[1]);
                    }
                }
                if (v == v) {
                    v = (float) (v * conv[0] + conv[1]);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                lattice[b * nx + a] = v;
            }
        }
        if (min > max) {
            return;
        }
        double[] levels = levels(style, min, max);
        if (style.fill() != null) {
            fill(c, field, style, levels, units, view);
        }
        raster.reset(w, h);
        labels.reset(style, w, h);
        int[] argb = c.argb();
        double offsetX = a0 * NODE - left;
        double offsetY = b0 * NODE - top;
        squares.prepare(lattice, nx, ny, levels);
        all.clear();
        for (int li = 0; li < levels.length; li++) {
            raw.clear();
            squares.contour(li, raw);
            toPixels(raw, offsetX, offsetY);
            raw.smooth(style.smoothing(), smooth, scratch);
            dropSpecks(smooth);
            all.append(smooth, li);
            if (style.labels()) {
                long number = levelNumber(style, levels[li]);
                labels.candidates(smooth, label(levels[li], style, units), number, isMajor(style, number), left);
            }
        }
        if (style.labels()) {
            labels.select();
        }
        boolean drew = false;
        for (int pass = 0; pass < 2; pass++) {
            boolean major = pass == 1;
            for (int k = 0; k < all.size(); k++) {
                if (isMajor(style, levelNumber(style, levels[all.tag(k)])) != major) {
                    continue;
                }
                double width = major ? style.majorWidth() : style.width();
                int s = all.start(k);
                int e = all.end(k);
                int segments = all.closed(k) ? e - s : e - s - 1;
                // a stroke wholly outside the tile adds nothing (its clipped edges cancel): skip it
                double reach = width + 1;
                for (int q = 0; q < segments; q++) {
                    int p0 = s + q;
                    int p1 = p0 + 1 < e ? p0 + 1 : s;
                    double x0 = all.x(p0), y0 = all.y(p0), x1 = all.x(p1), y1 = all.y(p1);
                    if (Math.max(x0, x1) < -reach
                            || Math.min(x0, x1) > w + reach
                            || Math.max(y0, y1) < -reach
                            || Math.min(y0, y1) > h + reach) {
                        continue;
                    }
                    if (!labels.covers(0.5 * (x0 + x1), 0.5 * (y0 + y1))) {
                        raster.segment(x0, y0, x1, y1, width, 0.5 * width);
                    }
                }
            }
            drew |= raster.paint(argb, style.color());
        }
        if (style.labels()) {
            drew |= labels.draw(raster, argb, style.color());
        }
        if (drew) {
            c.markDrawn();
        }
    }

    /**
     * Removes closed lines smaller than {@value #MIN_LOOP} pixels across: single-pixel noise of fine grids
     * that would only clutter the map. A loop that small lies wholly within the padded window of every
     * tile it touches, so all of them drop it.
     */
    private static void dropSpecks(Polylines lines) {
        lines.removeIf((s, e, closed) -> {
            if (!closed) {
                return false;
            }
            double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int q = s; q < e; q++) {
                minX = Math.min(minX, lines.x(q));
                maxX = Math.max(maxX, lines.x(q));
                minY = Math.min(minY, lines.y(q));
                maxY = Math.max(maxY, lines.y(q));
            }
            return maxX - minX < MIN_LOOP && maxY - minY < MIN_LOOP;
        });
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    private static boolean isMajor(IsolineStyle style, long number) {
        return style.majorEvery() > 0 && Math.floorMod(number, style.majorEvery()) == 0;
    }

    private static void toPixels(Polylines lines, double offsetX, double offsetY) {
        Polylines tmp = lines;
        // lattice units to image pixels, in place through a copy-free pass
        tmp.scale(NODE, offsetX, offsetY);
    }

    static long levelNumber(IsolineStyle style, double level) {
        if (style.explicitLevels()) {
            for (int k = 0; k < style.levels().length; k++) {
                if (style.level(k) == level) {
                    return k;
                }
            }
        }
        return Math.round((level - style.base()) / style.interval());
    }

    /** The levels within [min, max]: the style's explicit ones, or base + k * interval. */
    static double[] levels(IsolineStyle style, double min, double max) {
        if (style.explicitLevels()) {
            return style.levels();
        }
        long k0 = (long) Math.ceil((min - style.base()) / style.interval());
        long k1 = (long) Math.floor((max - style.base()) / style.interval());
        if (k1 - k0 + 1 > IsolineStyle.MAX_LEVELS) {
            throw new StyleException("isolines: interval " + style.interval() + " gives " + (k1 - k0 + 1)
                    + " levels between " + min + " and " + max + "; at most " + IsolineStyle.MAX_LEVELS
                    + ": choose a larger interval (or the right units=)");
        }
        int n = (int) Math.max(0, k1 - k0 + 1);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = style.base() + (k0 + k) * style.interval();
        }
        return out;
    }

    static String label(double level, IsolineStyle style, String units) {
        String s = Legend.format(level);
        return style.labelUnits() ? s + " " + Legend.symbol(units) : s;
    }

    /**
     * Filled bands between levels, each colored from the fill palette at the band's middle value: the
     * palette's own values (converted to the display units), or for unitless palettes the range
     * [fillmin, fillmax]. A band's color depends on its values only, never on which levels a tile
     * happens to see, so fills are seamless too.
     */
    private void fill(Canvas c, GridValues field, IsolineStyle style, double[] levels, String units, View view) {
        Palette p = style.fill();
        double[] edges = levels;
        if (!style.explicitLevels()) { // one more band each side: every value falls in a band
            int n = levels.length;
            edges = new double[n + 2];
            double first = n > 0 ? levels[0] : style.base();
            edges[0] = first - style.interval();
            System.arraycopy(levels, 0, edges, 1, n);
            edges[n + 1] = (n > 0 ? levels[n - 1] : first) + style.interval();
        }
        if (edges.length < 2) {
            return;
        }
        double lo, hi;
        if (p.generic()) {
            if (Double.isNaN(style.fillMin()) || Double.isNaN(style.fillMax())) {
                throw new StyleException("isolines: fill=" + p.name() + " has no units; give fillmin= and fillmax= (in "
                        + units + ") for its ends");
            }
            lo = style.fillMin();
            hi = style.fillMax();
        } else {
            double[] conv = Units.conversion(p.units(), units);
            lo = p.first() * conv[0] + conv[1];
            hi = p.last() * conv[0] + conv[1];
        }
        int n = edges.length;
        int[] colors = new int[n];
        for (int k = 0; k < n; k++) {
            double mid = k + 1 < n ? 0.5 * (edges[k] + edges[k + 1]) : edges[k];
            double f = Math.max(0, Math.min(1, (mid - lo) / (hi - lo)));
            colors[k] = p.colorAt(p.first() + f * (p.last() - p.first()));
        }
        Palette bands = new Palette("bands", "bands", units, true, edges, colors);
        RampStyle ramp = new RampStyle(
                bands,
                Double.NaN,
                Double.NaN,
                units,
                1,
                false,
                EdgeColor.EXTEND,
                EdgeColor.EXTEND,
                0,
                1,
                Sampling.BILINEAR,
                false);
        fillRenderer.overlayRamp(c, ColorRamp.of(ramp, field.units()), field, view);
    }
}
