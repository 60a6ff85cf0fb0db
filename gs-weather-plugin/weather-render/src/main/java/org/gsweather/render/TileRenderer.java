package org.gsweather.render;

import java.util.Arrays;
import java.util.List;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;

/**
 * Draws fields into images: the entry point of the CLI, the benchmarks and the GeoServer
 * transformations. Not thread-safe: keep one per thread that draws, or borrow one from a {@link TileRendererPool}
 * where many threads draw now and then (buffers are reused from tile to tile, so a tile allocates little more
 * than its PNG bytes, and are as large as the largest image drawn). Large images (a GWC metatile) are sampled and colored in
 * bands of rows by the threads of a {@link DecodePool} that are idle at that moment, with the same pixels as on
 * one thread.
 */
public final class TileRenderer {
    /** Images of fewer pixels are drawn on the caller alone: handing bands over would cost more than it saves. */
    static final int BANDED_PIXELS = 512 * 512;

    private final InverseMapping mapping = new InverseMapping();
    private InverseMapping[] bandMappings = new InverseMapping[0];
    private final DecodePool pool;
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
        this(deflateLevel, DecodePool.shared());
    }

    /**
     * @param deflateLevel PNG deflate level 0-9
     * @param pool the threads that may help draw a large image ({@link DecodePool#sequential()}: none)
     */
    public TileRenderer(int deflateLevel, DecodePool pool) {
        this.png = new PngEncoder(deflateLevel);
        this.pool = pool;
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
        if (indices.length < n) {
            indices = new byte[n];
        }
        int visible = sample(field, ramp.style().sampling(), view, ramp);
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
        sample(field, sampling, view, null);
        return samples;
    }

    /**
     * Samples the view into {@link #samples} and, given a ramp, classifies the samples into {@link #indices}; returns
     * how many have a visible color (0 without a ramp). Large views go in bands of whole mapping blocks, so each band
     * computes exactly what one pass over the view would.
     */
    private int sample(GridValues field, Sampling requested, View view, ColorRamp ramp) {
        Sampling sampling = requested.resolve(field.grid(), view);
        int w = view.width();
        int h = view.height();
        int n = w * h;
        if (fi.length < n) {
            fi = new float[n];
            fj = new float[n];
            samples = new float[n];
        }
        boolean separable = InverseMapping.separable(field.grid(), view.crs());
        if (separable) {
            mapping.mapOrSeparate(field.grid(), view, fi, fj); // the column of each pixel column, the row of each row
            if (columnScratch.length < 3 * w) {
                columnScratch = new int[3 * w];
                weightScratch = new float[w];
            }
            FieldSampler.prepareColumns(field, mapping.columns(), w, columnScratch, weightScratch);
        }
        int blockRows = (h + InverseMapping.BLOCK - 1) / InverseMapping.BLOCK;
        int bands = n < BANDED_PIXELS ? 1 : Math.max(1, Math.min(pool.parts(n), blockRows));
        int blocksPerBand = (blockRows + bands - 1) / bands;
        int parts = (blockRows + blocksPerBand - 1) / blocksPerBand;
        if (bandMappings.length < parts) {
            bandMappings = Arrays.copyOf(bandMappings, parts);
        }
        int[] visible = new int[parts];
        View.Pixels inside = view.inside();
        boolean outside = !inside.equals(new View.Pixels(0, w, 0, h));
        DecodePool.Part band = b -> {
            int by0 = b * blocksPerBand;
            int by1 = Math.min(blockRows, by0 + blocksPerBand);
            int from = by0 * InverseMapping.BLOCK * w;
            int to = Math.min(h, by1 * InverseMapping.BLOCK) * w;
            if (separable) {
                FieldSampler.sampleRows(
                        field,
                        sampling,
                        mapping.columns(),
                        w,
                        mapping.rows(),
                        from / w,
                        to / w,
                        samples,
                        columnScratch,
                        weightScratch);
            } else {
                InverseMapping m = bandMappings[b];
                if (m == null) {
                    m = new InverseMapping();
                    bandMappings[b] = m;
                }
                m.mapRows(field.grid(), view, fi, fj, by0, by1);
                FieldSampler.sample(field, sampling, fi, fj, from, to, samples);
            }
            if (outside) {
                blankOutside(inside, w, from / w, to / w);
            }
            if (ramp != null) {
                visible[b] = ramp.classify(samples, from, to, indices);
            }
        };
        try {
            pool.run(parts, band);
        } catch (DataFormatException e) {
            throw new IllegalStateException(e); // bands do not decode
        }
        int sum = 0;
        for (int v : visible) {
            sum += v;
        }
        return sum;
    }

    /** NaN for the samples of rows {@code [fromRow, toRow)} outside the {@link View#inside} pixels. */
    private void blankOutside(View.Pixels inside, int w, int fromRow, int toRow) {
        for (int y = fromRow; y < toRow; y++) {
            int row = y * w;
            if (y < inside.firstRow() || y >= inside.endRow()) {
                Arrays.fill(samples, row, row + w, Float.NaN);
            } else {
                Arrays.fill(samples, row, row + inside.firstColumn(), Float.NaN);
                Arrays.fill(samples, row + inside.endColumn(), row + w, Float.NaN);
            }
        }
    }
}
