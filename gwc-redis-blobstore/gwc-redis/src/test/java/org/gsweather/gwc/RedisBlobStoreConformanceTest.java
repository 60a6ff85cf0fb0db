package org.gsweather.gwc;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.layer.TileLayerDispatcher;
import org.geowebcache.storage.AbstractBlobStoreTest;
import org.gsweather.redis.RedisServerProcess;
import org.gsweather.redis.RedisTileStore;
import org.gsweather.redis.RedisTileStoreConfig;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/**
 * GWC's own blob store contract ({@code AbstractBlobStoreTest} of gwc-core's test jar) against {@link
 * RedisBlobStore} on a real Redis. Built and run only with the {@code gwc-contract} profile, which needs the OSGeo
 * repository: {@code mvn -Pgeoserver,gwc-contract -pl gwc-redis-blobstore/gwc-redis -am test}.
 *
 * <p>The layers the contract writes ({@code testLayer}, {@code testLayer1}, {@code testLayer2}) are configured with
 * ids of their own, as GeoServer's are, so that tiles are keyed by id as in production. Every test gets a fresh key
 * prefix.
 */
public class RedisBlobStoreConformanceTest extends AbstractBlobStoreTest<RedisBlobStore> {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static RedisServerProcess redis;

    @BeforeClass
    public static void startRedis() throws IOException {
        redis = RedisServerProcess.launch();
    }

    @AfterClass
    public static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    public void createTestUnit() throws Exception {
        TileLayerDispatcher layers = mock(TileLayerDispatcher.class);
        for (String name : List.of("testLayer", "testLayer1", "testLayer2")) {
            TileLayer layer = mock(TileLayer.class);
            when(layer.getName()).thenReturn(name);
            when(layer.getId()).thenReturn("LayerInfoImpl--" + name);
            when(layers.getTileLayer(name)).thenReturn(layer);
        }
        RedisTileStore tiles = RedisTileStore.start(RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .keyPrefix("conformance" + PREFIXES.incrementAndGet())
                .build());
        store = new RedisBlobStore("conformance", tiles, layers);
    }
}
