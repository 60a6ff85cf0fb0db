package org.gsweather.geoserver.wx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.ows.AbstractDispatcherCallback;
import org.geoserver.ows.Request;
import org.geoserver.platform.Operation;
import org.geoserver.wms.GetLegendGraphicRequest;
import org.geoserver.wms.legendgraphic.BufferedImageLegendGraphic;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.coverage.grid.io.GridCoverage2DReader;
import org.geotools.util.Converters;
import org.gsweather.geoserver.WeatherReaders;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.RegularGrid;
import org.gsweather.render.Canvas;
import org.gsweather.render.GridValues;
import org.gsweather.render.Legend;
import org.gsweather.render.Style;
import org.gsweather.store.Coverage;
import org.gsweather.store.FieldCache;
import org.gsweather.store.Slice;
import org.gsweather.store.SliceSelector;

/**
 * GetLegendGraphic for styles of {@code wx:} transformations: the render core's legend of the whole
 * stack (color bar with units and ticks, isoline sample with the interval, barb and arrow speed keys)
 * instead of GeoServer's generic raster legend. Ramps that take their range from the field use the field
 * a map without TIME/ELEVATION would show. {@code WIDTH} (60 or more) and {@code HEIGHT} (80 or more,
 * the color bar's) apply; {@code LEGEND_OPTIONS=fontSize:N} sets the text size.
 */
public class WxLegends extends AbstractDispatcherCallback {
    static final int DEFAULT_WIDTH = 160;
    static final int DEFAULT_RAMP_HEIGHT = 240;

    @Override
    public Object operationExecuted(Request request, Operation operation, Object result) {
        if (!"GetLegendGraphic".equalsIgnoreCase(operation.getId())
                || operation.getParameters().length == 0
                || !(operation.getParameters()[0] instanceof GetLegendGraphicRequest glg)
                || glg.getLegends().size() != 1
                || glg.getFormat() == null
                || !glg.getFormat().startsWith("image/")) {
            return result;
        }
        GetLegendGraphicRequest.LegendRequest legend = glg.getLegends().get(0);
        List<Style> styles = styles(legend.getStyle());
        if (styles.isEmpty()) {
            return result;
        }
        int width = glg.getWidth() >= 60 ? glg.getWidth() : DEFAULT_WIDTH;
        int height = glg.getHeight() >= 80 ? glg.getHeight() : DEFAULT_RAMP_HEIGHT;
        Map<String, Object> options = glg.getLegendOptions();
        Double font = options == null ? null : Converters.convert(options.get("fontSize"), Double.class);
        Canvas c = Legend.stack(styles, field(legend.getLayerInfo()), width, height, font == null ? 11 : font);
        return new BufferedImageLegendGraphic(image(c));
    }

    /** The wx: styles of an SLD's feature type styles, in order; empty when it has none. */
    static List<Style> styles(org.geotools.api.style.Style style) {
        List<Style> out = new ArrayList<>();
        if (style == null) {
            return out;
        }
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            if (fts.getTransformation() instanceof WxTransformation t) {
                out.addAll(t.styles());
            }
        }
        return out;
    }

    /** The field a map of the layer shows by default, or a placeholder in the palette's units. */
    private static GridValues field(LayerInfo layer) {
        if (layer != null && layer.getResource() instanceof CoverageInfo c) {
            try {
                GridCoverage2DReader reader = (GridCoverage2DReader) c.getGridCoverageReader(null, null);
                Optional<WeatherReaders.Layer> l = WeatherReaders.layer(reader);
                if (l.isPresent()) {
                    Coverage coverage = l.get().coverage();
                    Optional<Slice> s =
                            new SliceSelector(Clock.systemUTC()).select(coverage, org.gsweather.store.SliceQuery.ANY);
                    if (s.isPresent()) {
                        FieldCache cache = l.get().store().cache();
                        return coverage.isWind()
                                ? cache.wind(s.get()).speed()
                                : cache.scalar(s.get().scalar());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall back to the placeholder: a legend never fails a request
            }
        }
        return new GridValues(
                new RegularGrid(new Geographic(Ellipsoid.WGS84), 1, 1, 0, 0, 1, 1), new float[] {Float.NaN}, "1", "");
    }

    private static BufferedImage image(Canvas c) {
        BufferedImage image = new BufferedImage(c.width(), c.height(), BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, c.width(), c.height(), c.pixels(), 0, c.width());
        return image;
    }
}
