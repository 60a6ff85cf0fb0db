package org.gsweather.geoserver.wx;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.geotools.api.coverage.grid.GridGeometry;
import org.geotools.api.data.Query;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Literal;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.io.CoverageReadingTransformation;
import org.geotools.feature.NameImpl;
import org.geotools.filter.FunctionExpressionImpl;
import org.geotools.filter.capability.FunctionNameImpl;
import org.geotools.filter.function.RenderingTransformation;
import org.gsweather.render.Canvas;
import org.gsweather.render.FieldSource;
import org.gsweather.render.Style;
import org.gsweather.render.StyleException;
import org.gsweather.render.StyleParser;
import org.gsweather.render.TileRendererPool;
import org.gsweather.render.View;

/**
 * One {@code wx:} transformation in an SLD: draws the layer's field with the render core straight into
 * the map's geometry and hands GeoServer an ARGB coverage of exactly that geometry, which it composites
 * without resampling. Several in one SLD (feature type styles) stack like {@code +} in {@code wx render}.
 */
final class WxTransformation extends FunctionExpressionImpl
        implements RenderingTransformation, CoverageReadingTransformation {
    private static final TileRendererPool RENDERERS = TileRendererPool.forProcessors();
    /** Parsed once: the renderer keeps a ramp's classification while the same style object draws. */
    private static final Cache<String, List<Style>> STYLES =
            Caffeine.newBuilder().maximumSize(1000).build();

    /** Drawing time by transformation: {@code gsweather.wx.draw{kind=ramp|barbs|arrows|isolines}}. */
    private static final Map<WxKind, Timer> DRAW = new EnumMap<>(WxKind.class);

    static {
        for (WxKind k : WxKind.values()) {
            DRAW.put(
                    k,
                    Timer.builder("gsweather.wx.draw")
                            .description("A wx: transformation drawing a map image from a decoded field")
                            .tag("kind", k.style())
                            .register(Metrics.globalRegistry));
        }
    }

    private final WxKind kind;

    WxTransformation(WxKind kind, List<Expression> args, Literal fallback) {
        super(new FunctionNameImpl(new NameImpl(WxKind.NAMESPACE, kind.localName()), -1, List.of()));
        this.kind = kind;
        this.params = new ArrayList<>(args);
        this.fallback = fallback;
    }

    @Override
    public Object evaluate(Object object) {
        WxInputs in = WxInputs.of(kind, inputs(object));
        return draw(object, in, styles(in), (name, canvas) -> CanvasCoverage.of(name, canvas, in.bbox()));
    }

    /** What a drawing is made into while the renderer that drew it is borrowed (the canvas is the renderer's). */
    interface Drawing<T> {
        T of(String name, Canvas canvas);
    }

    /**
     * Draws {@code styles} over the field of {@code object} (a reader with GeoServer's read parameters, or a coverage)
     * in the geometry of {@code in} and returns what {@code drawing} makes of the canvas; null when the store has no
     * field at the requested time, level and run.
     */
    <T> T draw(Object object, WxInputs in, List<Style> styles, Drawing<T> drawing) {
        FieldSource source;
        String name;
        try {
            if (object instanceof ReaderAndParams rp) {
                WxFields.Selected s = WxFields.select(rp.getReader(), rp.getReadParameters(), in, styles);
                if (s == null) {
                    return null; // no field at the requested time, level and run: nothing to draw
                }
                source = s.source();
                name = s.name();
            } else if (object instanceof GridCoverage2D coverage) {
                source = WxFields.of(coverage, styles);
                name = coverage.getName().toString();
            } else {
                throw new IllegalArgumentException(
                        kind.qualifiedName() + " draws raster layers (weather stores or any coverage), not " + object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        View view = OutputViews.of(in.bbox(), in.width(), in.height());
        return RENDERERS.apply(renderer -> {
            long start = System.nanoTime();
            Canvas canvas = renderer.render(source, styles, view);
            DRAW.get(kind).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return drawing.of(name, canvas);
        });
    }

    /** The evaluated parameters, map geometry included, without drawing. */
    WxInputs inputs() {
        return WxInputs.of(kind, inputs(null));
    }

    /** The styles of evaluated parameters. */
    List<Style> styles(WxInputs in) {
        return styles(in.style());
    }

    /** The styles this transformation draws, from its parameters alone (legends). */
    List<Style> styles() {
        return styles(WxInputs.styleOnly(kind, inputs(null)));
    }

    /** The style of the parameters, parsed once; errors name the parameter, as {@code wx render}'s do. */
    private List<Style> styles(String style) {
        try {
            return STYLES.get(style, StyleParser::parse);
        } catch (StyleException e) {
            throw new IllegalArgumentException(kind.qualifiedName() + ": " + e.getMessage()); // the cause says it again
        }
    }

    /** The SLD parameters: each argument is a {@code parameter} function giving one name and value. */
    private Map<String, Object> inputs(Object object) {
        Map<String, Object> in = new HashMap<>();
        for (Expression e : params) {
            Object v =
                    e.evaluate(object instanceof ReaderAndParams || object instanceof GridCoverage2D ? null : object);
            if (!(v instanceof Map<?, ?> m) || m.size() != 1) {
                throw new IllegalArgumentException(kind.qualifiedName()
                        + ": write each argument as <ogc:Function name=\"parameter\"><ogc:Literal>NAME</ogc:Literal>"
                        + "<ogc:Literal>VALUE</ogc:Literal></ogc:Function>");
            }
            Map.Entry<?, ?> entry = m.entrySet().iterator().next();
            in.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return in;
    }

    @Override
    public Query invertQuery(Query targetQuery, GridGeometry gridGeometry) {
        return targetQuery;
    }

    @Override
    public GridGeometry invertGridGeometry(Query targetQuery, GridGeometry targetGridGeometry) {
        return targetGridGeometry;
    }
}
