package org.gsweather.geoserver.wx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import org.geoserver.platform.ExtensionPriority;
import org.geoserver.platform.ServiceException;
import org.geoserver.wms.GetMapRequest;
import org.geoserver.wms.WMS;
import org.geoserver.wms.WMSInfo;
import org.geoserver.wms.WMSMapContent;
import org.geoserver.wms.WatermarkInfo;
import org.geoserver.wms.map.RenderedImageMap;
import org.geoserver.wms.map.RenderedImageMapOutputFormat;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.style.ChannelSelection;
import org.geotools.api.style.ColorMap;
import org.geotools.api.style.ContrastEnhancement;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.RasterSymbolizer;
import org.geotools.api.style.Rule;
import org.geotools.coverage.grid.io.CoverageReadingTransformation.ReaderAndParams;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.map.GridReaderLayer;
import org.geotools.referencing.CRS;
import org.gsweather.render.Canvas;
import org.gsweather.render.Style;

/**
 * GeoServer's PNG and JPEG map producers ({@code image/png}, {@code image/png8}, {@code image/jpeg}, {@code
 * image/vnd.jpeg-png}, {@code image/vnd.jpeg-png8}), drawing the maps of one raster layer styled by {@code wx:}
 * transformations straight from the render core; every other map is drawn by GeoServer's renderer, as its own
 * producers draw it.
 *
 * <p>Through GeoServer's renderer such a map is drawn three times over: the core draws the field into palette
 * indices, GeoServer composites them as a coverage into an RGBA image of the map (a copy, then Java2D), and {@link
 * org.gsweather.geoserver.WeatherMapImages} turns the RGBA back into a palette for the PNG. Here the core's image is
 * the map: the same pixels, without the 4-byte image of the map and its two conversions. The request has already
 * been through everything GeoServer does before drawing (layer security, dimensions and their defaults, read
 * parameters, {@code wms_*} variables), which this producer only reads.
 *
 * <p>Drawn here only what GeoServer would draw the same way: a map of one layer, not rotated, without
 * format options, palette or watermark, styled by feature type styles that each have a {@code wx:} transformation and
 * one rule (no filter, no scale range) whose one raster symbolizer is plain (opacity 1, no color map, contrast,
 * channels or relief), each transformation drawing over the map's box at the map's size. Several are drawn on one
 * canvas in order, as {@code +} joins styles in {@code wx render}; GeoServer composites their images one over the
 * other, which differs only in the rounding of partly transparent pixels. A request with any {@code format_options}
 * goes to GeoServer's renderer, which is how to compare the two. An opaque map ({@code TRANSPARENT=FALSE}, the
 * default of Leaflet's WMS layers, and every JPEG) is the core's image over the background color ({@link
 * OpaqueMaps}).
 */
public final class WxMapOutputFormat extends RenderedImageMapOutputFormat implements ExtensionPriority {
    private static final Counter DIRECT = drawn("core");
    private static final Counter GEOSERVER = drawn("geoserver");

    private final WMS wms;

    /** GeoServer's {@code image/png} producer. */
    public WxMapOutputFormat(WMS wms) {
        this("image/png", new String[] {"image/png"}, wms);
    }

    /**
     * The producer of {@code mime} declared as {@code formats}, as GeoServer declares its own producers (for {@code
     * image/png8}: {@code "image/png; mode=8bit"} and both names; JPEG also without transparency and palette, and the
     * extension {@code jpg}).
     */
    public WxMapOutputFormat(String mime, String[] formats, WMS wms) {
        super(mime, formats, wms);
        this.wms = wms;
        setExtension("png");
    }

    private static Counter drawn(String by) {
        return Counter.builder("gsweather.wms.maps")
                .description("PNG and JPEG maps of GeoServer's WMS by who drew them: the render core alone, or"
                        + " GeoServer's renderer")
                .tag("drawer", by)
                .register(Metrics.globalRegistry);
    }

    /** Whether this is a producer of JPEG-PNG: JPEG where the map is opaque, PNG where it is not. */
    private boolean jpegOrPng() {
        return getMimeType().startsWith("image/vnd.jpeg-png");
    }

    /** First among GeoServer's producers of its formats, so that GetMap (and GWC's metatiles) come here. */
    @Override
    public int getPriority() {
        return ExtensionPriority.HIGHEST;
    }

    @Override
    public RenderedImageMap produceMap(WMSMapContent content, boolean tiled) throws ServiceException {
        Direct direct = direct(content, watermarked());
        if (direct == null) {
            GEOSERVER.increment();
            return super.produceMap(content, tiled);
        }
        int w = content.getMapWidth();
        int h = content.getMapHeight();
        long maxMemory = wms.getMaxRequestMemory() * 1024L;
        long memory = getDrawingSurfaceMemoryUse(w, h, null, true);
        if (maxMemory > 0 && memory > maxMemory) { // GeoServer's renderer's limit and words
            throw new ServiceException(
                    "Rendering request would use " + memory / 1024 + "KB, whilst the maximum memory allowed is "
                            + maxMemory / 1024 + "KB",
                    "MaxMemoryExceeded");
        }
        BufferedImage image;
        try {
            image = direct.transformations
                    .get(0)
                    .draw(direct.data, direct.in, direct.styles, (name, canvas) -> image(canvas));
        } catch (RuntimeException e) {
            throw new ServiceException(
                    "Rendering process failed. Layers: " + layerNames(content.getRequest()), e, "internalError");
        }
        if (image == null) {
            image = empty(w, h);
        }
        if (!content.isTransparent() || !isTransparencySupported()) {
            image = OpaqueMaps.over(image, content.getBgColor());
        }
        if (image.getColorModel() instanceof IndexColorModel
                && (!isPaletteSupported() || jpegOrPng() && OpaqueMaps.everyPixelOpaque(image))) {
            // GeoServer's JPEG-PNG response takes a palette image for PNG, and its renderer's opaque map for JPEG
            image = OpaqueMaps.rgb(image);
        }
        DIRECT.increment();
        return buildMap(content, image);
    }

    /**
     * A map the core draws alone: the transformations of its feature type styles in order, the map's geometry as they
     * take it, their styles one after the other, and what they read.
     */
    record Direct(List<WxTransformation> transformations, WxInputs in, List<Style> styles, ReaderAndParams data) {}

    /** What the core draws when it draws the map alone, else null. */
    static Direct direct(WMSMapContent content, boolean watermarked) {
        GetMapRequest request = content.getRequest();
        if (request == null
                || content.layers().size() != 1
                || content.getAngle() != 0
                || content.getPalette() != null
                || !request.getFormatOptions().isEmpty()
                || watermarked
                || !(content.layers().get(0) instanceof GridReaderLayer layer)) {
            return null;
        }
        org.geotools.api.style.Style style = layer.getStyle();
        if (style == null || style.featureTypeStyles().isEmpty()) {
            return null;
        }
        List<WxTransformation> transformations = new ArrayList<>();
        List<Style> styles = new ArrayList<>();
        WxInputs first = null;
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            WxTransformation transformation = plainTransformation(fts);
            if (transformation == null) {
                return null;
            }
            WxInputs in;
            try {
                in = transformation.inputs();
                styles.addAll(transformation.styles(in));
            } catch (RuntimeException e) {
                return null; // GeoServer's renderer reports it
            }
            if (!drawsTheMap(in, content)) {
                return null;
            }
            transformations.add(transformation);
            first = first == null ? in : first;
        }
        return new Direct(transformations, first, styles, new ReaderAndParams(layer.getReader(), layer.getParams()));
    }

    private boolean watermarked() {
        WMSInfo info = wms.getServiceInfo();
        WatermarkInfo watermark = info == null ? null : info.getWatermark();
        return watermark != null && watermark.isEnabled();
    }

    /** The {@code wx:} transformation of a feature type style that adds nothing GeoServer would draw on top. */
    private static WxTransformation plainTransformation(FeatureTypeStyle fts) {
        if (!(fts.getTransformation() instanceof WxTransformation transformation)
                || !fts.getOptions().isEmpty()
                || fts.rules().size() != 1) {
            return null;
        }
        Rule rule = fts.rules().get(0);
        boolean everyScale =
                rule.getMinScaleDenominator() <= 0 && rule.getMaxScaleDenominator() == Double.POSITIVE_INFINITY;
        if ((rule.getFilter() != null && rule.getFilter() != Filter.INCLUDE)
                || rule.isElseFilter()
                || !everyScale
                || rule.symbolizers().size() != 1
                || !(rule.symbolizers().get(0) instanceof RasterSymbolizer symbolizer)
                || !plain(symbolizer)) {
            return null;
        }
        return transformation;
    }

    /** A raster symbolizer that draws its coverage as it is. */
    private static boolean plain(RasterSymbolizer s) {
        ColorMap colorMap = s.getColorMap();
        ChannelSelection channels = s.getChannelSelection();
        ContrastEnhancement contrast = s.getContrastEnhancement();
        return one(s.getOpacity())
                && (colorMap == null || colorMap.getColorMapEntries().length == 0)
                && (channels == null || (channels.getGrayChannel() == null && channels.getRGBChannels() == null))
                && (contrast == null || (contrast.getMethod() == null && contrast.getGammaValue() == null))
                && s.getShadedRelief() == null
                && s.getImageOutline() == null
                && s.getOptions().isEmpty();
    }

    private static boolean one(Expression opacity) {
        if (opacity == null) {
            return true;
        }
        Double value = opacity.evaluate(null, Double.class);
        return value != null && value == 1.0;
    }

    /** Whether the transformation draws over the map's own box at the map's size (GeoServer then composites 1:1). */
    private static boolean drawsTheMap(WxInputs in, WMSMapContent content) {
        ReferencedEnvelope map = content.getRenderingArea();
        ReferencedEnvelope box = in.bbox();
        if (in.width() != content.getMapWidth()
                || in.height() != content.getMapHeight()
                || map == null
                || !CRS.equalsIgnoreMetadata(map.getCoordinateReferenceSystem(), box.getCoordinateReferenceSystem())) {
            return false;
        }
        double tolerance = 1e-9 * Math.max(map.getWidth(), map.getHeight());
        return Math.abs(map.getMinX() - box.getMinX()) <= tolerance
                && Math.abs(map.getMaxX() - box.getMaxX()) <= tolerance
                && Math.abs(map.getMinY() - box.getMinY()) <= tolerance
                && Math.abs(map.getMaxY() - box.getMaxY()) <= tolerance;
    }

    /** The canvas as an image of its own: palette indices with the palette, or ARGB. */
    private static BufferedImage image(Canvas canvas) {
        int w = canvas.width();
        int h = canvas.height();
        if (canvas.blank()) {
            return empty(w, h);
        }
        if (canvas.indexed()) {
            int[] palette = canvas.paletteCopy();
            byte[] indices = canvas.indicesCopy();
            IndexColorModel colors = new IndexColorModel(8, palette.length, palette, 0, true, -1, DataBuffer.TYPE_BYTE);
            WritableRaster raster = Raster.createInterleavedRaster(
                    new DataBufferByte(indices, indices.length), w, h, w, 1, new int[] {0}, null);
            return new BufferedImage(colors, raster, false, null);
        }
        int[] pixels = canvas.pixels();
        WritableRaster raster = Raster.createPackedRaster(
                new DataBufferInt(pixels, pixels.length),
                w,
                h,
                w,
                new int[] {0xff0000, 0xff00, 0xff, 0xff000000},
                null);
        return new BufferedImage(ColorModel.getRGBdefault(), raster, false, null);
    }

    private static final IndexColorModel TRANSPARENT =
            new IndexColorModel(8, 1, new int[] {0}, 0, true, -1, DataBuffer.TYPE_BYTE);

    /** A transparent map: what GeoServer draws where the store has no field. */
    private static BufferedImage empty(int w, int h) {
        return new BufferedImage(
                TRANSPARENT,
                Raster.createInterleavedRaster(new DataBufferByte(w * h), w, h, w, 1, new int[] {0}, null),
                false,
                null);
    }

    private static String layerNames(GetMapRequest request) {
        return request == null || request.getLayers() == null
                ? ""
                : String.join(
                        ", ", request.getLayers().stream().map(l -> l.getName()).toList());
    }
}
