package org.gsweather.geoserver;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.geoserver.catalog.Catalog;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.DimensionInfo;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.catalog.ResourceInfo;
import org.geoserver.platform.GeoServerExtensions;
import org.geoserver.wms.WMS;
import org.geowebcache.filter.parameters.ParameterException;
import org.geowebcache.filter.parameters.ParameterFilter;
import org.gsweather.store.Coverage;
import org.gsweather.store.Dimension;
import org.gsweather.store.FileFormat;
import org.gsweather.store.Slice;
import org.gsweather.store.SliceQuery;
import org.gsweather.store.SliceSelector;
import org.gsweather.store.WeatherStore;

/**
 * A GWC parameter filter whose legal values and default come live from a weather layer's dimension:
 * {@code TIME} (valid times), {@code ELEVATION} (levels) or {@code DIM_REFERENCE_TIME} (model runs). WMTS
 * capabilities list them as the layer's {@code <Dimension>} values, new runs included as they arrive;
 * requested values are written canonically ({@code 2026-06-01T06:00Z} and {@code
 * 2026-06-01T06:00:00.000Z} are one cache entry) and values the layer does not have are refused.
 *
 * <p>In {@code geowebcache.xml}, GWC REST and GeoServer's tile layer files: {@code
 * <weatherDimensionParameterFilter><key>TIME</key><layer>wx:TMP_ISBL</layer></weatherDimensionParameterFilter>}.
 * Without a {@code defaultValue}, the default is the time nearest to now, the level nearest to the ground,
 * and no run (each valid time from the newest run that has it).
 *
 * <p>Every tile request asks the filter for its values and default, so they are not looked up in the store each
 * time: a lookup is shared by every copy of the filter (GWC copies them), redone in the background when a request
 * finds it a second old (the request goes on with it) and before use when it is {@link #EXPIRES} old. A value the
 * lookup lacks is checked against a fresh lookup before it is refused, and {@link #getLegalValues} (capabilities)
 * looks up again when a second old, so a new run's times are listed and served as soon as the store has them.
 */
public class WeatherDimensionParameterFilter extends ParameterFilter {
    private static final long serialVersionUID = 1L;

    /** How old a lookup may be before a request starts a new one, in the background. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    /** How old a lookup may be at most: an idle layer's values are looked up again before use. */
    static final Duration EXPIRES = Duration.ofSeconds(30);

    private static final LoadingCache<Lookup, Memo> LOOKUPS = Caffeine.newBuilder()
            .refreshAfterWrite(REFRESH)
            .expireAfterWrite(EXPIRES)
            .maximumSize(10_000)
            .executor(lookupExecutor())
            .build(k -> lookUp(k.layer(), k.dimension()));

    /** Which layer's dimension. */
    private record Lookup(String layer, Dimension dimension) {}

    /** A layer's values (null when the layer or its store is gone) and built-in default, as found at a moment. */
    private record Memo(long foundNanos, List<String> legal, Set<String> legalSet, String builtInDefault) {}

    private String layer;

    public WeatherDimensionParameterFilter() {
        super();
    }

    public WeatherDimensionParameterFilter(Dimension dimension, String layer) {
        super(dimension.parameter());
        this.layer = layer;
    }

    /** The GeoServer layer (workspace:name) whose dimension this filter follows. */
    public String getLayer() {
        return layer;
    }

    public void setLayer(String layer) {
        this.layer = layer;
    }

    /** The dimension this filter follows. */
    public Dimension dimension() {
        Dimension d = Dimension.ofParameter(getKey());
        if (d == null) {
            throw new IllegalStateException(
                    "weatherDimensionParameterFilter key " + getKey() + ": use TIME, ELEVATION or DIM_REFERENCE_TIME");
        }
        return d;
    }

    @Override
    protected Object readResolve() {
        super.readResolve();
        dimension();
        if (layer == null || layer.isBlank()) {
            throw new IllegalStateException(
                    "weatherDimensionParameterFilter " + getKey() + " needs <layer>workspace:name</layer>");
        }
        return this;
    }

    private static LayerInfo layerInfo(String layer) {
        Catalog catalog = (Catalog) GeoServerExtensions.bean("rawCatalog");
        return catalog == null || layer == null ? null : catalog.getLayerByName(layer);
    }

    /** The coverage behind the layer, or empty when the layer or its store is gone. */
    private static Optional<Coverage> coverage(String layer) {
        LayerInfo l = layerInfo(layer);
        if (l == null || !(l.getResource() instanceof CoverageInfo c) || c.getStore() == null) {
            return Optional.empty();
        }
        FileFormat format = WeatherTypes.of(c.getStore().getType());
        if (format == null) {
            return Optional.empty();
        }
        try {
            c.getGridCoverageReader(null, null); // opens the store if no request did yet
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        WeatherStore store = WeatherStores.find(WeatherSource.of(c.getStore()).settings(format));
        String name = c.getNativeCoverageName() != null ? c.getNativeCoverageName() : c.getName();
        return Optional.ofNullable(store == null ? null : store.snapshot().coverage(name));
    }

    /** The layer's values and built-in default (see the class comment for how old they may be). */
    private Memo memo() {
        return LOOKUPS.get(new Lookup(layer, dimension()));
    }

    /** The memo, or a new lookup when it is more than {@link #REFRESH} old. */
    private Memo fresh(Memo m) {
        if (System.nanoTime() - m.foundNanos() < REFRESH.toNanos()) {
            return m;
        }
        Lookup k = new Lookup(layer, dimension());
        Memo f = lookUp(k.layer(), k.dimension());
        LOOKUPS.put(k, f);
        return f;
    }

    /** Looks a layer's dimension up in its store now. */
    private static Memo lookUp(String layer, Dimension dimension) {
        long now = System.nanoTime();
        Optional<Coverage> c = coverage(layer);
        List<String> legal = c.map(dimension::values).orElse(null);
        LayerInfo l = c.isPresent() ? layerInfo(layer) : null;
        String builtIn = c.map(x -> builtInDefault(l, x, dimension)).orElse("");
        return new Memo(now, legal, legal == null ? null : new HashSet<>(legal), builtIn);
    }

    /**
     * Runs background lookups on a thread of the web application (GeoTools finds formats through the thread's class
     * loader), which ends when idle for a minute.
     */
    private static Executor lookupExecutor() {
        ThreadPoolExecutor e = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "gsweather-dimension-lookup");
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /** The values as the store has them now: capabilities list a new run as soon as the store does. */
    @Override
    public List<String> getLegalValues() {
        return fresh(memo()).legal();
    }

    /** The values as last looked up (a second old or so, refreshed in the background): for the tile path. */
    public List<String> recentValues() {
        return memo().legal();
    }

    @Override
    public String getDefaultValue() {
        String configured = super.getDefaultValue();
        if (!configured.isEmpty()) {
            return configured;
        }
        return memo().builtInDefault();
    }

    /**
     * The value a WMS request without this parameter gets: GeoServer's default (its strategy: nearest to now,
     * minimum, maximum, fixed) when the layer's dimension is enabled, else what the reader draws without it
     * (the time nearest now, the level nearest the ground, no run: the best estimate).
     */
    private static String builtInDefault(LayerInfo l, Coverage c, Dimension d) {
        CoverageInfo info = (CoverageInfo) l.getResource();
        String key = switch (d) {
            case TIME -> ResourceInfo.TIME;
            case ELEVATION -> ResourceInfo.ELEVATION;
            case REFERENCE_TIME -> ResourceInfo.CUSTOM_DIMENSION_PREFIX + ReadRequest.REFERENCE_TIME;
        };
        DimensionInfo enabled = info.getMetadata().get(key, DimensionInfo.class);
        WMS wms = GeoServerExtensions.bean(WMS.class);
        if (enabled != null && enabled.isEnabled() && wms != null) {
            Object v = switch (d) {
                case TIME -> wms.getDefaultTime(info);
                case ELEVATION -> wms.getDefaultElevation(info);
                case REFERENCE_TIME ->
                    wms.getDefaultCustomDimensionValue(ReadRequest.REFERENCE_TIME, info, String.class);
            };
            String text = v instanceof java.util.Date date
                    ? Dimension.ISO.format(date.toInstant())
                    : v instanceof org.geotools.util.Range<?> r
                            ? String.valueOf(r.getMinValue())
                            : v == null ? "" : v.toString();
            return text.isEmpty() ? "" : d.canonical(text);
        }
        Optional<Slice> s = new SliceSelector(Clock.systemUTC()).select(c, SliceQuery.ANY);
        return switch (d) {
            case TIME -> s.map(x -> Dimension.ISO.format(x.validTime())).orElse("");
            case ELEVATION ->
                s.filter(x -> !Double.isNaN(x.level()))
                        .map(x -> Dimension.ELEVATION.canonical(Double.toString(x.level())))
                        .orElse("");
            case REFERENCE_TIME -> "";
        };
    }

    @Override
    public String apply(String value) throws ParameterException {
        if (value == null || value.isBlank() || value.equals("_empty")) { // GWC writes an empty default as _empty
            return getDefaultValue();
        }
        Memo m = memo();
        if (m.legalSet() != null && m.legalSet().contains(value)) {
            return value; // written as the layer lists it: canonical already
        }
        Dimension d = dimension();
        String canonical;
        try {
            canonical = d.canonical(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(400, "InvalidParameterValue", getKey(), e.getMessage());
        }
        if (m.legal() != null && !m.legalSet().contains(canonical)) {
            m = fresh(m); // a run may have arrived since the lookup
        }
        List<String> legal = m.legal();
        if (legal != null && !m.legalSet().contains(canonical)) {
            throw new ParameterException(
                    400,
                    "InvalidParameterValue",
                    getKey(),
                    getKey() + "=" + value
                            + " is not a value of layer " + layer + " (" + legal.size() + " values from " + legal.get(0)
                            + " to " + legal.get(legal.size() - 1) + ")");
        }
        return canonical;
    }

    @Override
    public boolean applies(String value) {
        try {
            apply(value);
            return true;
        } catch (ParameterException e) {
            return false;
        }
    }

    @Override
    public WeatherDimensionParameterFilter clone() {
        return (WeatherDimensionParameterFilter) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(layer, ((WeatherDimensionParameterFilter) o).layer);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(layer);
    }
}
