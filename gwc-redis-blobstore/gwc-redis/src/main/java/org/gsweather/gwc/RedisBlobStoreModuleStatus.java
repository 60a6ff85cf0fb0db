package org.gsweather.gwc;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.geoserver.platform.ModuleStatus;
import org.gsweather.gwc.cluster.RedisLockProvider;
import org.gsweather.redis.CircuitBreaker;
import org.gsweather.redis.TileStoreMetrics;

/** The module's line on GeoServer's status page: version, and each running Redis blob store with its counters. */
public class RedisBlobStoreModuleStatus implements ModuleStatus {
    @Override
    public String getModule() {
        return "gs-weather-gwc-redis";
    }

    @Override
    public Optional<String> getComponent() {
        return Optional.of("GeoWebCache Redis blob store");
    }

    @Override
    public String getName() {
        return "Redis blob store";
    }

    @Override
    public Optional<String> getVersion() {
        return Optional.ofNullable(RedisBlobStore.class.getPackage().getImplementationVersion());
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public Optional<String> getMessage() {
        var stores = LiveRedisBlobStores.all();
        if (stores.isEmpty()) {
            return Optional.of("No Redis blob store is configured and enabled.");
        }
        return Optional.of(stores.stream()
                        .map(s -> {
                            TileStoreMetrics m = s.tileStore().metrics();
                            return s.name() + " (" + s.tileStore().config().topology() + " "
                                    + String.join(",", s.tileStore().config().nodes()) + ", prefix "
                                    + s.tileStore().config().keyPrefix() + "): " + m.hits() + " hits, " + m.misses()
                                    + " misses, " + m.readFailures() + " failed reads, " + m.writesDropped()
                                    + " dropped writes, " + breakers(m);
                        })
                        .collect(Collectors.joining("\n"))
                + RedisLockProvider.current()
                        .map(l -> "\nRedis locks (redisLock): " + l.metrics() + ", held now " + l.heldInRedis())
                        .orElse(""));
    }

    /** {@code circuit breaker CLOSED}; in a cluster, one breaker per primary: {@code circuit breakers {a=CLOSED, ...}}. */
    static String breakers(TileStoreMetrics m) {
        Map<String, CircuitBreaker.State> states = m.breakerStates();
        return states.size() == 1
                ? "circuit breaker " + states.values().iterator().next()
                : "circuit breakers " + states;
    }

    @Override
    public Optional<String> getDocumentation() {
        return Optional.of("docs/redis-blobstore.md");
    }
}
