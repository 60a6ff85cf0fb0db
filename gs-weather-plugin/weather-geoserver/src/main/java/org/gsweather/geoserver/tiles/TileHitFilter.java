package org.gsweather.geoserver.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.geoserver.filters.GeoServerFilter;
import org.geoserver.gwc.layer.GeoServerTileLayer;
import org.geoserver.platform.ExtensionPriority;
import org.geoserver.platform.GeoServerExtensions;
import org.geowebcache.conveyor.Conveyor;
import org.geowebcache.conveyor.ConveyorTile;
import org.geowebcache.filter.parameters.ParametersUtils;
import org.geowebcache.filter.security.SecurityDispatcher;
import org.geowebcache.grid.GridSubset;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.mime.MimeType;
import org.geowebcache.service.Service;
import org.geowebcache.stats.RuntimeStats;
import org.geowebcache.storage.StorageBroker;

/**
 * Answers WMTS GetTile requests (KVP and REST, {@code /gwc/service/wmts}) for tiles already cached, early in
 * GeoServer's filter chain (after authentication, before the dispatcher): the request is read by GWC's own WMTS
 * service (layer, gridset, tile, parameter filters: the same cache key), the layer must be one {@link PublicLayers
 * anyone may read}, GWC's own security and request filters must pass, and the tile must be in the layer's blob store
 * (Redis, with GWC's in-memory store in front when configured) and not expired; then it is written with GWC's headers
 * ({@link HitResponse}). Anything else, a miss, or any failure falls through to GeoServer and GWC unchanged.
 *
 * <p>Every GetTile it reads is also handed to the {@link Prefetcher}, and counted ({@code gsweather.tiles}) with
 * GWC's verdict when GWC answers.
 */
public class TileHitFilter implements GeoServerFilter, ExtensionPriority {
    private static final Logger LOG = Logger.getLogger(TileHitFilter.class.getName());
    private static final String WMTS = "/gwc/service/wmts";
    private static final Timer FAST = Timer.builder("gsweather.tiles.fast")
            .description("A cached tile answered early: request read, access checked, tile read and written")
            .register(Metrics.globalRegistry);

    private final TileSettings settings;
    private final TileLoad load;
    private final Prefetcher prefetcher;
    private final PublicLayers publicLayers = new PublicLayers();
    private volatile Gwc gwc;

    /** GWC's WMTS service, security and statistics, looked up once GeoServer has started. */
    private record Gwc(Service wmts, SecurityDispatcher security, RuntimeStats stats, StorageBroker storage) {}

    public TileHitFilter(TileSettings settings, TileLoad load, Prefetcher prefetcher) {
        this.settings = settings;
        this.load = load;
        this.prefetcher = prefetcher;
        LOG.info("Weather tiles: early cache hits " + (settings.fastHits() ? "on" : "off") + " (WX_FAST_HITS)");
    }

    @Override
    public int getPriority() {
        return ExtensionPriority.HIGHEST;
    }

    @Override
    public void init(FilterConfig filterConfig) {}

    @Override
    public void destroy() {}

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request)
                || !(resp instanceof HttpServletResponse response)
                || !"GET".equals(request.getMethod())
                || !isWmts(request)) {
            chain.doFilter(req, resp);
            return;
        }
        long start = System.nanoTime();
        prefetcher.activity();
        ConveyorTile tile = parse(request, response);
        if (tile != null && tile.getLayer() instanceof GeoServerTileLayer layer) {
            boolean open = publicLayers.anyoneMayRead(layer);
            if (open) {
                prefetcher.requested(tile, layer);
                if (settings.fastHits() && serveHit(tile, layer, request, response)) {
                    FAST.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    TileCounts.count(TileCounts.EARLY, "HIT");
                    return;
                }
            }
        }
        load.begin();
        try {
            chain.doFilter(req, resp);
        } finally {
            load.end();
            TileCounts.count(TileCounts.GWC, response.getHeader("geowebcache-cache-result"));
        }
    }

    private static boolean isWmts(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri != null && uri.startsWith(WMTS, context == null ? 0 : context.length());
    }

    /**
     * The GetTile request as GWC's WMTS service reads it, or null (another request, or one GWC refuses). What GWC
     * read from a URL is reused for a second ({@link #PARSED}): the same URL is the same tile of the same layer with
     * the same parameters, as long as the layer's configuration and dimension values stay (their own lookups are
     * kept as long).
     */
    private ConveyorTile parse(HttpServletRequest request, HttpServletResponse response) {
        Gwc g = gwc();
        if (g == null) {
            return null;
        }
        String query = request.getQueryString();
        String url = query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query;
        Parsed p = parsed.getIfPresent(url);
        if (p != null) {
            ConveyorTile t = new ConveyorTile(
                    g.storage(),
                    p.layer().getName(),
                    p.gridSetId(),
                    p.index().clone(),
                    p.mime(),
                    p.filtering(),
                    request,
                    response);
            t.setTileLayer(p.layer());
            t.getStorageObject().setParametersId(p.parametersId());
            return t;
        }
        try {
            Conveyor c = g.wmts().getConveyor(request, response);
            if (c instanceof ConveyorTile t
                    && c.reqHandler != Conveyor.RequestHandler.SERVICE
                    && t.getHint() == null
                    && t.getLayer() != null) {
                parsed.put(
                        url,
                        new Parsed(
                                t.getLayer(),
                                t.getGridSetId(),
                                t.getTileIndex().clone(),
                                t.getMimeType(),
                                t.getFilteringParameters(),
                                ParametersUtils.getId(t.getFilteringParameters())));
                return t;
            }
        } catch (Exception e) {
            LOG.log(Level.FINEST, "left to GWC", e);
        }
        return null;
    }

    /** What GWC read from a GetTile URL. */
    private record Parsed(
            TileLayer layer,
            String gridSetId,
            long[] index,
            MimeType mime,
            Map<String, String> filtering,
            String parametersId) {}

    /** How long what GWC read from a URL is reused. */
    static final Duration PARSED = Duration.ofSeconds(1);

    private final Cache<String, Parsed> parsed =
            Caffeine.newBuilder().expireAfterWrite(PARSED).maximumSize(100_000).build();

    private boolean serveHit(
            ConveyorTile tile, GeoServerTileLayer layer, HttpServletRequest request, HttpServletResponse response) {
        try {
            Gwc g = gwc();
            int z = (int) tile.getTileIndex()[2];
            GridSubset subset = layer.getGridSubset(tile.getGridSetId());
            int expireCache = layer.getExpireCache(z);
            if (subset == null
                    || expireCache == -1 // GWC does not cache this layer at this zoom
                    || !layer.getMimeTypes().contains(tile.getMimeType())) {
                return false;
            }
            layer.applyRequestFilters(tile);
            g.security().checkSecurity(tile);
            if (!tile.retrieve(expireCache * 1000L)) {
                return false;
            }
            HitResponse.write(tile, layer, subset, request, response, g.stats());
            return true;
        } catch (Exception e) {
            LOG.log(Level.FINEST, "left to GWC", e);
            return false;
        }
    }

    private Gwc gwc() {
        Gwc g = gwc;
        if (g == null) {
            try {
                Object wmts = GeoServerExtensions.bean("gwcServiceWMTS");
                Object security = GeoServerExtensions.bean("gwcSecurityDispatcher");
                Object stats = GeoServerExtensions.bean("gwcRuntimeStats");
                Object storage = GeoServerExtensions.bean("gwcStorageBroker");
                if (wmts instanceof Service s
                        && security instanceof SecurityDispatcher d
                        && storage instanceof StorageBroker b) {
                    g = new Gwc(s, d, stats instanceof RuntimeStats r ? r : null, b);
                    gwc = g;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "GWC is not ready", e);
            }
        }
        return g;
    }

    /** {@code gsweather.tiles{path, result}}: tile requests by who answered and GWC's cache result. */
    static final class TileCounts {
        static final String EARLY = "early";
        static final String GWC = "gwc";
        private static final java.util.Map<String, Counter> COUNTERS = new java.util.concurrent.ConcurrentHashMap<>();

        private TileCounts() {}

        static void count(String path, String result) {
            String r = result == null ? "none" : result.toLowerCase(Locale.ROOT);
            COUNTERS.computeIfAbsent(
                            path + "/" + r,
                            k -> Counter.builder("gsweather.tiles")
                                    .description("WMTS tile requests by who answered them (early hit path or GWC) and"
                                            + " GWC's cache result (hit, miss, wms, other, none for errors)")
                                    .tag("path", path)
                                    .tag("result", r)
                                    .register(Metrics.globalRegistry))
                    .increment();
        }
    }
}
