package org.gsweather.render;

import java.util.List;

/**
 * Draws fields into images: the entry point of the CLI, the benchmarks and the GeoServer
 * transformations. Not thread-safe: keep one per thread (buffers are reused from tile to tile, so a
 * tile allocates little more than its PNG bytes).
 */
public final class TileRenderer {
    private final InverseMapping mapping = new InverseMapping();
    private final PngEncoder png;
    private float[] fi = new float[0];
    private float[] fj = new float[0];
    private float[] samples = new float[0];
    private byte[] indices = new byte[0];
    private int[] columnScratch = new int[0];
    private float[] weightScratch = new float[0];
    private Canvas canvas;
    private final SymbolLayer symbols = new SymbolLayer();
    private final IsolineLayer isolines = new IsolineLayer(this);

    public TileRenderer() {
        this(PngEncoder.DEFAULT_LEVEL);
    }

    /** @param deflateLevel PNG deflate level 0-9 */
    public TileRenderer(int deflateLevel) {
        png = new PngEncoder(deflateLevel);
    }

    /**
     * Draws the styles in order and returns the PNG bytes. A blank result is the shared blank tile of
     * {@link PngEncoder#blank}; do not modify returned arrays.
     */
    public byte[] renderPng(FieldSource source, List<Style> styles, View view) {
        return render(source, styles, view).toPng(png);
    }

    /** Draws the styles in order. The canvas is reused by the next call. */
    public Canvas render(FieldSource source, List<Style> styles, View view) {
        Canvas c = canvas(view);
        for (Style s : styles) {
            if (s instanceof RampStyle r) {
                ramp(c, colors(r, source.scalar()), source.scalar(), view);
            } else if (s instanceof BarbStyle b) {
                symbols.barbs(c, source.wind(), b, view);
            } else if (s instanceof ArrowStyle a) {
                symbols.arrows(c, source.wind(), a, view);
            } else if (s instanceof IsolineStyle i) {
                isolines.draw(c, source.scalar(), i, view);
            }
        }
        return c;
    }

    private ColorRamp lastRamp;
    private RampStyle lastStyle;
    private GridValues lastField;

    /**
     * The ramp of a style for a field, kept while the same style draws tile after tile (of the same field
     * when the style takes its range from the field).
     */
    ColorRamp colors(RampStyle style, GridValues field) {
        ColorRamp r = lastRamp;
        if (r == null
                || lastStyle != style
                || !r.dataUnits().equals(field.units())
                || (style.autoRange() && lastField != field)) {
            r = ColorRamp.of(style, field);
            lastRamp = r;
            lastStyle = style;
            lastField = field;
        }
        return r;
    }

    /** Colors every pixel by the ramp (the first layer of an image, or over what is drawn). */
    public Canvas ramp(GridValues field, ColorRamp ramp, View view) {
        Canvas c = canvas(view);
        ramp(c, ramp, field, view);
        return c;
    }

    public PngEncoder encoder() {
        return png;
    }

    private Canvas canvas(View view) {
        if (canvas == null || canvas.width() != view.width() || canvas.height() != view.height()) {
            canvas = new Canvas(view.width(), view.height());
        }
        canvas.reset();
        return canvas;
    }

    private void ramp(Canvas c, ColorRamp ramp, GridValues field, View view) {
        int n = view.width() * view.height();
        sample(field, ramp.style().sampling(), view);
        if (indices.length < n) {
            indices = new byte[n];
        }
        int visible = ramp.classify(samples, n, indices);
        int[] palette = ramp.paletteView();
        if (c.blank()) {
            c.setIndexed(indices, palette, palette.length, visible > 0);
            return;
        }
        if (visible == 0) {
            return;
        }
        int[] argb = c.argb();
        for (int k = 0; k < n; k++) {
            int src = palette[indices[k] & 0xff];
            if ((src >>> 24) != 0) {
                argb[k] = Argb.over(argb[k], src, 255);
            }
        }
    }

    /** Colors the pixels by a ramp over what is drawn (filled isoline bands). */
    void overlayRamp(Canvas c, ColorRamp ramp, GridValues field, View view) {
        ramp(c, ramp, field, view);
    }

    /**
     * Samples a field at the centre of every pixel of a view, row by row from the top, NaN where there
     * is no data. Returns a buffer of this renderer, reused by its next call: read the first {@code
     * width * height} values before drawing or sampling again.
     */
    public float[] sample(GridValues field, Sampling sampling, View view) {
        int n = view.width() * view.height();
        if (fi.length < n) {
            fi = new float[n];
            fj = new float[n];
            samples = new float[n];
        }
        if (mapping.mapOrSeparate(field.grid(), view, fi, fj)) {
            if (columnScratch.length < 3 * view.width()) {
                columnScratch = new int[3 * view.width()];
                weightScratch = new float[view.width()];
            }
            FieldSampler.sampleSeparable(
                    field,
                    sampling,
                    mapping.columns(),
                    view.width(),
                    mapping.rows(),
                    view.height(),
                    samples,
                    columnScratch,
                    weightScratch);
        } else {
            FieldSampler.sample(field, sampling, fi, fj, n, samples);
        }
        return samples;
    }
}
