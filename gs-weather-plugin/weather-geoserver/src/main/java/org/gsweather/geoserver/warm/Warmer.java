package org.gsweather.geoserver.warm;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.catalog.Catalog;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.gwc.GWC;
import org.geoserver.gwc.layer.GeoServerTileLayer;
import org.geoserver.platform.GeoServerExtensions;
import org.geotools.coverage.grid.io.GridCoverage2DReader;
import org.geowebcache.filter.parameters.ParameterFilter;
import org.geowebcache.grid.GridSubset;
import org.geowebcache.mime.MimeType;
import org.geowebcache.seed.GWCTask;
import org.geowebcache.seed.SeedRequest;
import org.geowebcache.seed.TileBreeder;
import org.geowebcache.storage.StorageBroker;
import org.geowebcache.storage.TileRange;
import org.gsweather.geoserver.WeatherReaders;
import org.gsweather.geoserver.tiles.TileLoad;
import org.gsweather.geoserver.tiles.TileSettings;
import org.gsweather.store.Coverage;
import org.gsweather.store.CoverageChange;
import org.gsweather.store.Dimension;
import org.gsweather.store.StoreSnapshot;
import org.gsweather.store.WeatherStore;
import org.gsweather.tiles.StaleParameters;
import org.gsweather.tiles.WarmSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Keeps the tile caches of weather layers in step with their stores, through GWC's own machinery:
 *
 * <ul>
 *   <li>when a store publishes a new state (a run arrived, a file changed or aged out), the cached tiles it makes
 *       stale are truncated: parameter combinations naming a time or run that left or changed ({@link
 *       StaleParameters}), and the layer's default combination (it shows the default time);
 *   <li>then, and at start-up, the layer's zooms, gridsets, styles and times ({@link WarmSettings}: {@code WX_WARM},
 *       refined by the layer's metadata entry {@code wx.warm}) are seeded by GWC's tile breeder: visible, and
 *       stoppable, on GWC's seeding page.
 * </ul>
 *
 * One layer, gridset, style and time at a time, on one thread, with the layer's seeding threads; nothing is dispatched
 * while more than {@code WX_PREFETCH_BUSY} tile requests are being rendered.
 */
public class Warmer implements ApplicationListener<ContextRefreshedEvent>, MeterBinder, DisposableBean {
    private static final Logger LOG = Logger.getLogger(Warmer.class.getName());
    static final String METADATA_KEY = "wx.warm";

    private final TileSettings settings;
    private final TileLoad load;
    private final Catalog catalog;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wx-warm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger seeding = new AtomicInteger();
    private final LongAdder seeds = new LongAdder();
    private final LongAdder tiles = new LongAdder();
    private final LongAdder truncations = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean started;
    private volatile boolean closed;

    public Warmer(TileSettings settings, TileLoad load, Catalog catalog) {
        this.settings = settings;
        this.load = load;
        this.catalog = catalog;
    }

    @Override
    public synchronized void onApplicationEvent(ContextRefreshedEvent event) {
        if (started) {
            return;
        }
        started = true;
        WeatherReaders.onStoreOpened(store -> store.addListener(this::changed));
        submit(this::startUp);
        LOG.info("Weather tiles: warming " + describe(settings.warm()) + " (WX_WARM; per layer: metadata "
                + METADATA_KEY + ")");
    }

    private void submit(Runnable job) {
        pending.incrementAndGet();
        worker.submit(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                failures.increment();
                LOG.log(Level.WARNING, "Weather tiles: warming failed: " + e.getMessage(), e);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Seeds every weather layer's start-up times (its stores open as they are read). */
    private void startUp() {
        for (CoverageInfo c : weatherCoverages()) {
            Optional<WeatherReaders.Layer> layer = layerOf(c);
            GeoServerTileLayer tl = tileLayer(c);
            if (layer.isEmpty() || tl == null) {
                continue;
            }
            WarmSettings warm = settingsOf(c);
            seed(tl, warm, warm.startupTimes(layer.get().coverage(), Instant.now()));
        }
    }

    /** A store's new state: on the store's thread, handed over at once. */
    private void changed(WeatherStore store, StoreSnapshot before, StoreSnapshot after) {
        if (!closed) {
            submit(() -> apply(store, before, after));
        }
    }

    private void apply(WeatherStore store, StoreSnapshot before, StoreSnapshot after) {
        for (CoverageInfo c : weatherCoverages()) {
            Optional<WeatherReaders.Layer> layer = layerOf(c);
            if (layer.isEmpty() || layer.get().store() != store) {
                continue;
            }
            String name = c.getNativeCoverageName() != null ? c.getNativeCoverageName() : c.getName();
            CoverageChange change = CoverageChange.of(name, before.coverage(name), after.coverage(name));
            GeoServerTileLayer tl = tileLayer(c);
            if (change.isEmpty() || tl == null) {
                continue;
            }
            truncate(tl, change);
            Coverage now = after.coverage(name);
            WarmSettings warm = settingsOf(c);
            seed(tl, warm, warm.changeTimes(change, now, Clock.systemUTC().instant()));
        }
    }

    /** Deletes the layer's cached tiles that no longer show what it serves. */
    void truncate(GeoServerTileLayer tl, CoverageChange change) {
        StorageBroker storage = GeoServerExtensions.bean(StorageBroker.class);
        String name = tl.getName();
        try {
            for (Map<String, String> p : storage.getCachedParameters(name)) {
                if (!p.isEmpty() && StaleParameters.isStale(p, change)) {
                    storage.deleteByParameters(name, p);
                    truncations.increment();
                }
            }
            // tiles cached without parameters show the default time and style: a change may have moved the default
            for (String gridset : tl.getGridSubsets()) {
                GridSubset subset = tl.getGridSubset(gridset);
                for (MimeType mime : tl.getMimeTypes()) {
                    storage.delete(new TileRange(
                            name,
                            gridset,
                            subset.getZoomStart(),
                            subset.getZoomStop(),
                            subset.getCoverages(),
                            mime,
                            Collections.emptyMap()));
                }
            }
            truncations.increment();
            LOG.info("Weather tiles: " + name + ": truncated the tiles of " + describe(change));
        } catch (Exception e) {
            failures.increment();
            LOG.log(Level.WARNING, "Weather tiles: " + name + ": cannot truncate stale tiles: " + e.getMessage(), e);
        }
    }

    /** Seeds the layer's configured zooms, gridsets and styles at each of {@code times}, one at a time. */
    void seed(GeoServerTileLayer tl, WarmSettings warm, List<Instant> times) {
        if (!warm.enabled() || times.isEmpty()) {
            return;
        }
        TileBreeder breeder = GeoServerExtensions.bean(TileBreeder.class);
        String format = tl.getMimeTypes().stream()
                .map(MimeType::getFormat)
                .filter(f -> f.equals("image/png"))
                .findFirst()
                .orElse(tl.getMimeTypes().get(0).getFormat());
        List<String> gridsets = new ArrayList<>();
        for (String g : tl.getGridSubsets()) {
            if (warm.gridsets().isEmpty() || warm.gridsets().contains(g)) {
                gridsets.add(g);
            }
        }
        List<String> styles = styles(tl, warm);
        for (Instant time : times) {
            for (String gridset : gridsets) {
                for (String style : styles) {
                    if (closed) {
                        return;
                    }
                    awaitQuiet();
                    seedOne(breeder, tl, warm, gridset, format, style, Dimension.ISO.format(time));
                }
            }
        }
    }

    private void seedOne(
            TileBreeder breeder,
            GeoServerTileLayer tl,
            WarmSettings warm,
            String gridset,
            String format,
            String style,
            String time) {
        GridSubset subset = tl.getGridSubset(gridset);
        int from = Math.max(warm.minZoom(), subset.getZoomStart());
        int to = Math.min(warm.maxZoom(), subset.getZoomStop());
        if (from > to) {
            return;
        }
        try {
            Map<String, String[]> raw = new HashMap<>();
            raw.put(Dimension.TIME.parameter(), new String[] {time});
            if (style != null) {
                raw.put("STYLES", new String[] {style});
            }
            Map<String, String> parameters = tl.getModifiableParameters(raw, "UTF-8");
            SeedRequest request = new SeedRequest(
                    tl.getName(), null, gridset, warm.threads(), from, to, format, GWCTask.TYPE.SEED, parameters);
            TileRange range = TileBreeder.createTileRange(request, tl);
            GWCTask[] tasks = breeder.createTasks(range, tl, GWCTask.TYPE.SEED, warm.threads(), false);
            seeding.incrementAndGet();
            try {
                breeder.dispatchTasks(tasks);
                seeds.increment();
                for (GWCTask t : tasks) {
                    while (t.getState() != GWCTask.STATE.DONE && t.getState() != GWCTask.STATE.DEAD && !closed) {
                        Thread.sleep(250); // GWC's seeding threads run the task; its page shows it
                    }
                    tiles.add(t.getTilesDone());
                    if (t.getState() == GWCTask.STATE.DEAD) {
                        failures.increment();
                    }
                }
            } finally {
                seeding.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } catch (Exception e) {
            failures.increment();
            LOG.log(
                    Level.WARNING,
                    "Weather tiles: cannot seed " + tl.getName() + " " + gridset + " TIME=" + time + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Waits while the server renders more tile requests than warming may share it with. */
    private void awaitQuiet() {
        try {
            while (load.inFlight() > settings.busy() && !closed) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** The styles to seed: null for the layer's default (no STYLES parameter). */
    private static List<String> styles(GeoServerTileLayer tl, WarmSettings warm) {
        return switch (warm.styles().mode()) {
            case DEFAULT -> Collections.singletonList(null);
            case LISTED -> List.copyOf(warm.styles().names());
            case ALL -> {
                Set<String> all = new LinkedHashSet<>();
                all.add(null);
                for (ParameterFilter f : tl.getParameterFilters()) {
                    if (f.getKey().equalsIgnoreCase("STYLES") && f.getLegalValues() != null) {
                        for (String s : f.getLegalValues()) {
                            if (s != null && !s.isEmpty()) {
                                all.add(s);
                            }
                        }
                    }
                }
                yield new ArrayList<>(all);
            }
        };
    }

    private List<CoverageInfo> weatherCoverages() {
        List<CoverageInfo> out = new ArrayList<>();
        for (CoverageInfo c : catalog.getCoverages()) {
            if (c.getStore() != null
                    && c.isEnabled()
                    && WeatherReaders.isWeatherType(c.getStore().getType())) {
                out.add(c);
            }
        }
        return out;
    }

    private static Optional<WeatherReaders.Layer> layerOf(CoverageInfo c) {
        try {
            return c.getGridCoverageReader(null, null) instanceof GridCoverage2DReader r
                    ? WeatherReaders.layer(r)
                    : Optional.empty();
        } catch (Exception e) {
            LOG.log(Level.FINE, "no weather store behind " + c.prefixedName(), e);
            return Optional.empty();
        }
    }

    private GeoServerTileLayer tileLayer(CoverageInfo c) {
        GWC gwc = GWC.get();
        if (gwc == null) {
            return null;
        }
        for (LayerInfo l : catalog.getLayers(c)) {
            GeoServerTileLayer tl = gwc.getTileLayer(l);
            if (tl != null && tl.isEnabled()) {
                return tl;
            }
        }
        return null;
    }

    /** The server's warming refined by the layer's {@code wx.warm} metadata; a wrong entry is reported and ignored. */
    private WarmSettings settingsOf(CoverageInfo c) {
        String text = c.getMetadata() == null ? null : c.getMetadata().get(METADATA_KEY, String.class);
        try {
            return WarmSettings.parse(
                    text, settings.warm(), "layer " + c.prefixedName() + ", metadata " + METADATA_KEY);
        } catch (IllegalArgumentException e) {
            LOG.warning(e.getMessage() + "; warming it as WX_WARM says");
            return settings.warm();
        }
    }

    private static String describe(WarmSettings w) {
        if (!w.enabled()) {
            return "off";
        }
        return "zooms " + w.minZoom() + "-" + w.maxZoom() + ", gridsets "
                + (w.gridsets().isEmpty() ? "all" : String.join(",", w.gridsets())) + ", styles "
                + w.styles().mode().name().toLowerCase() + ", times "
                + w.times().mode().name().toLowerCase()
                + (w.times().count() > 0 ? ":" + w.times().count() : "") + ", " + w.threads() + " thread(s)";
    }

    private static String describe(CoverageChange c) {
        return c.coverage() + " (times +" + c.addedTimes().size() + " -"
                + c.removedTimes().size() + " ~" + c.changedTimes().size() + ", runs +"
                + c.addedRuns().size() + " -" + c.removedRuns().size() + ")";
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gsweather.warm.pending", pending, AtomicInteger::get)
                .description("Warming jobs waiting or running (start-up, or a store's new state)")
                .register(registry);
        Gauge.builder("gsweather.warm.seeding", seeding, AtomicInteger::get)
                .description("GWC seed tasks of warming running now")
                .register(registry);
        counter(registry, "gsweather.warm.seeds", seeds, "GWC seed tasks dispatched (a layer, gridset, style, time)");
        counter(registry, "gsweather.warm.tiles", tiles, "Tiles GWC's seeding went through for warming");
        counter(
                registry,
                "gsweather.warm.truncations",
                truncations,
                "Stale parameter combinations (and default caches) truncated after a store change");
        counter(registry, "gsweather.warm.failures", failures, "Warming or truncation steps that failed (logged)");
    }

    private static void counter(MeterRegistry registry, String name, LongAdder adder, String description) {
        long base = adder.sum();
        FunctionCounter.builder(name, adder, a -> a.sum() - base)
                .description(description)
                .register(registry);
    }

    @Override
    public void destroy() {
        closed = true;
        worker.shutdownNow();
    }
}
