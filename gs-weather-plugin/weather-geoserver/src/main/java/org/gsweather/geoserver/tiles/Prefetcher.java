package org.gsweather.geoserver.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.gwc.layer.GeoServerTileLayer;
import org.geoserver.platform.GeoServerExtensions;
import org.geowebcache.conveyor.ConveyorTile;
import org.geowebcache.filter.parameters.ParameterFilter;
import org.geowebcache.grid.GridSubset;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.layer.TileLayerDispatcher;
import org.geowebcache.mime.MimeType;
import org.geowebcache.storage.StorageBroker;
import org.gsweather.geoserver.WeatherDimensionParameterFilter;
import org.gsweather.tiles.MetatileRing;
import org.gsweather.tiles.PrefetchQueue;
import org.gsweather.tiles.TimeSteps;
import org.springframework.beans.factory.DisposableBean;

/**
 * Renders tiles before they are asked for, through GWC (its metatile lock, its blob store), as GWC's seeding does:
 *
 * <ul>
 *   <li>in time: a tile requested at TIME T renders the same tile at the layer's next {@code WX_PREFETCH_TIMES} times
 *       (wrapping around), so that an animation plays from the cache;
 *   <li>in space ({@code WX_PREFETCH_RING}): the metatiles holding the ring of tiles around a requested tile.
 * </ul>
 *
 * One task per metatile, on {@code WX_PREFETCH_THREADS} threads, in a bounded queue that drops the oldest task when full
 * and takes nothing while more than {@code WX_PREFETCH_BUSY} tile requests are being rendered; a task starts after
 * {@code WX_PREFETCH_QUIET} ms without a tile request (a second at most);
 * a metatile prefetched in the last minute is not queued again. Only layers anyone may read are prefetched.
 */
public class Prefetcher implements MeterBinder, DisposableBean {
    private static final Logger LOG = Logger.getLogger(Prefetcher.class.getName());
    private static final String TIME = "TIME";

    /**
     * What to render: a tile of a metatile, with the request's parameters (filtered values that differ from the
     * defaults, and the TIME to render); equal when the metatile and parameters are (the tile is any of it).
     */
    record Task(
            String layer,
            String gridSetId,
            String format,
            int z,
            long metaX,
            long metaY,
            Map<String, String> parameters,
            long x,
            long y,
            String kind) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Task t
                    && t.z == z
                    && t.metaX == metaX
                    && t.metaY == metaY
                    && t.layer.equals(layer)
                    && t.gridSetId.equals(gridSetId)
                    && t.format.equals(format)
                    && t.parameters.equals(parameters);
        }

        @Override
        public int hashCode() {
            return ((layer.hashCode() * 31 + gridSetId.hashCode()) * 31 + parameters.hashCode()) * 31
                    + Long.hashCode(metaX * 1_000_003L + metaY) * 31
                    + z;
        }
    }

    private final TileSettings settings;
    private final PrefetchQueue<Task> queue;
    private final Cache<Task, Boolean> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(100_000)
            .build();
    private final Cache<String, TimeAxis> times = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(1))
            .maximumSize(10_000)
            .build();

    public Prefetcher(TileSettings settings, TileLoad load) {
        this.settings = settings;
        this.queue = new PrefetchQueue<>(
                "gsweather.prefetch",
                settings.prefetchQueue(),
                settings.prefetchThreads(),
                load::inFlight,
                settings.busy(),
                Duration.ofMillis(settings.prefetchQuiet()),
                this::render);
        LOG.info("Weather tiles: prefetch of the next " + settings.prefetchTimes() + " times (WX_PREFETCH_TIMES), ring "
                + (settings.prefetchRing() ? "on" : "off") + " (WX_PREFETCH_RING), " + settings.prefetchThreads()
                + " thread(s), queue " + settings.prefetchQueue() + ", busy above " + settings.busy()
                + " renders (WX_PREFETCH_BUSY), after " + settings.prefetchQuiet()
                + " ms without a tile request (WX_PREFETCH_QUIET)");
    }

    /** A tile request came (any layer): renders ahead wait for a quiet moment. */
    void activity() {
        queue.activity();
    }

    /** A tile was requested (hit or not): queue what comes next. */
    void requested(ConveyorTile tile, GeoServerTileLayer layer) {
        if (settings.prefetchTimes() == 0 && !settings.prefetchRing()) {
            return;
        }
        long[] xyz = tile.getTileIndex();
        int[] meta = layer.getMetaTilingFactors();
        Map<String, String> params = tile.getFilteringParameters() == null ? Map.of() : tile.getFilteringParameters();
        String format = tile.getMimeType().getFormat();
        TimeAxis axis = settings.prefetchTimes() > 0 ? timeAxis(layer) : TimeAxis.NONE;
        String current = params.containsKey(TIME) ? params.get(TIME) : axis.defaultValue();
        if (!axis.values().isEmpty() && current != null) {
            for (String next : TimeSteps.after(axis.values(), current, settings.prefetchTimes())) {
                Map<String, String> p = new HashMap<>(params);
                p.put(TIME, next);
                offer(new Task(
                        layer.getName(),
                        tile.getGridSetId(),
                        format,
                        (int) xyz[2],
                        xyz[0] - Math.floorMod(xyz[0], meta[0]),
                        xyz[1] - Math.floorMod(xyz[1], meta[1]),
                        Map.copyOf(p),
                        xyz[0],
                        xyz[1],
                        "time"));
            }
        }
        if (settings.prefetchRing()) {
            GridSubset subset = layer.getGridSubset(tile.getGridSetId());
            if (subset == null) {
                return;
            }
            long[] coverage = subset.getCoverage((int) xyz[2]);
            for (long[] n : MetatileRing.around(xyz[0], xyz[1], (int) xyz[2], meta[0], meta[1], coverage)) {
                offer(new Task(
                        layer.getName(),
                        tile.getGridSetId(),
                        format,
                        (int) n[2],
                        n[0] - Math.floorMod(n[0], meta[0]),
                        n[1] - Math.floorMod(n[1], meta[1]),
                        Map.copyOf(params),
                        n[0],
                        n[1],
                        "ring"));
            }
        }
    }

    private void offer(Task t) {
        if (recent.getIfPresent(t) == null) {
            queue.offer(t);
        }
    }

    /** A layer's TIME values and default as its parameter filter gives them; no values when it lists none. */
    record TimeAxis(List<String> values, String defaultValue) {
        static final TimeAxis NONE = new TimeAxis(List.of(), null);
    }

    /** The layer's TIME axis (a second old at most: the filter reads the store's current state). */
    private TimeAxis timeAxis(GeoServerTileLayer layer) {
        return times.get(layer.getName(), n -> {
            List<ParameterFilter> filters = layer.getParameterFilters();
            Optional<ParameterFilter> f = filters == null
                    ? Optional.empty()
                    : filters.stream()
                            .filter(p -> TIME.equalsIgnoreCase(p.getKey()))
                            .findFirst();
            List<String> legal = f.map(p -> p instanceof WeatherDimensionParameterFilter w
                            ? w.recentValues() // not a lookup on the request thread
                            : p.getLegalValues())
                    .orElse(null);
            return legal == null || legal.isEmpty()
                    ? TimeAxis.NONE
                    : new TimeAxis(List.copyOf(legal), f.get().getDefaultValue());
        });
    }

    /** Renders a task's metatile through GWC unless it is cached already. */
    private void render(Task t) {
        recent.put(t, Boolean.TRUE);
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            TileLayerDispatcher layers = GeoServerExtensions.bean(TileLayerDispatcher.class);
            StorageBroker storage = GeoServerExtensions.bean(StorageBroker.class);
            TileLayer layer = layers.getTileLayer(t.layer());
            Map<String, String[]> raw = new HashMap<>();
            t.parameters().forEach((k, v) -> raw.put(k, new String[] {v}));
            ConveyorTile tile = new ConveyorTile(
                    storage,
                    t.layer(),
                    t.gridSetId(),
                    new long[] {t.x(), t.y(), t.z()},
                    MimeType.createFromFormat(t.format()),
                    layer.getModifiableParameters(raw, "UTF-8"), // the cache key a request for it gets
                    null,
                    null);
            tile.setTileLayer(layer);
            if (tile.retrieve(0)) {
                outcome = "cached";
            } else {
                layer.seedTile(tile, true);
                outcome = "rendered";
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "prefetch of " + t + " failed", e);
        } finally {
            String o = outcome;
            RENDERS.computeIfAbsent(
                            t.kind() + "/" + o,
                            k -> Timer.builder("gsweather.prefetch.render")
                                    .description(
                                            "Prefetched metatiles: found cached, rendered or failed (time: next times;"
                                                    + " ring: around a requested tile)")
                                    .tag("kind", t.kind())
                                    .tag("outcome", o)
                                    .register(Metrics.globalRegistry))
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static final Map<String, Timer> RENDERS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Forgets queued tasks and what was prefetched recently, and waits (30 s at most) for the renders running to end
     * (a reset of the server: after it, nothing prefetched before lands in the caches).
     */
    public void clear() {
        queue.clear();
        recent.invalidateAll();
        try {
            if (!queue.awaitIdle(Duration.ofSeconds(30))) {
                LOG.warning("prefetch renders still running 30 s after a reset");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        queue.bindTo(registry);
    }

    @Override
    public void destroy() {
        queue.close();
    }
}
