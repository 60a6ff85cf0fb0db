package org.gsweather.geoserver.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoserver.platform.GeoServerExtensions;
import org.gsweather.geoserver.WeatherReaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The server's Prometheus registry. The core modules time their work on Micrometer's global registry, which records
 * nothing until this registry joins it; counters kept by the work itself (field cache, Redis blob stores, prefetch and
 * warming queues, JVM) are bound from every {@link MeterBinder} bean of GeoServer. Timers of {@code gsweather.*} are
 * exported as histograms with fixed buckets from 0.25 ms to 10 s.
 *
 * <p>{@link #reset()} puts a new registry in place of the old one: every meter starts from zero again.
 */
public class WeatherMetrics implements ApplicationListener<ContextRefreshedEvent>, DisposableBean {
    private static final Logger LOG = Logger.getLogger(WeatherMetrics.class.getName());
    /** Histogram buckets of the timers, from a Redis hit to a slow first decode. */
    static final Duration[] BUCKETS = {
        Duration.ofNanos(250_000),
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(20),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(200),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private volatile PrometheusMeterRegistry registry = newRegistry();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile boolean bound;

    public WeatherMetrics() {
        Metrics.addRegistry(registry);
    }

    @Override
    public synchronized void onApplicationEvent(ContextRefreshedEvent event) {
        if (!bound) {
            bind(registry);
            bound = true;
        }
    }

    /** The registry meters are exported from now. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Replaces the registry by a new one: every counter, gauge and histogram starts again from zero. */
    public synchronized void reset() {
        PrometheusMeterRegistry fresh = newRegistry();
        closeBinders();
        bind(fresh);
        Metrics.addRegistry(fresh);
        PrometheusMeterRegistry old = registry;
        registry = fresh;
        Metrics.removeRegistry(old);
        old.close();
        bound = true;
    }

    private static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        r.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER && id.getName().startsWith("gsweather.")) {
                    double[] slo = new double[BUCKETS.length];
                    for (int i = 0; i < slo.length; i++) {
                        slo[i] = BUCKETS[i].toNanos();
                    }
                    return DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(slo)
                            .build()
                            .merge(config);
                }
                return config;
            }
        });
        return r;
    }

    private void bind(PrometheusMeterRegistry r) {
        WeatherReaders.fieldCache().bindTo(r);
        for (MeterBinder b : GeoServerExtensions.extensions(MeterBinder.class)) {
            try {
                b.bindTo(r);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Metrics of " + b.getClass().getName() + " are not exported", e);
            }
        }
        new JvmMemoryMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(r);
        closeables.add(gc);
    }

    private void closeBinders() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing " + c, e);
            }
        }
        closeables.clear();
    }

    @Override
    public synchronized void destroy() {
        closeBinders();
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
