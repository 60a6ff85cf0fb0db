package org.gsweather.gwc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geowebcache.GeoWebCacheException;
import org.geowebcache.io.ByteArrayResource;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.layer.TileLayerDispatcher;
import org.geowebcache.layer.wms.WMSLayer;
import org.geowebcache.storage.BlobStore;
import org.geowebcache.storage.StorageException;
import org.geowebcache.storage.TileObject;
import org.geowebcache.storage.blobstore.file.FileBlobStore;
import org.gsweather.redis.RedisServerProcess;
import org.gsweather.redis.RedisTileStore;
import org.gsweather.redis.RedisTileStoreConfig;
import org.gsweather.redis.TileStoreBenchmark;

/**
 * GWC's FileBlobStore and our RedisBlobStore side by side, through GWC's BlobStore interface, with the load driver
 * of redis-tilestore (10 KB tiles, concurrency 1/16/64, p50/p99/throughput), then the bulk delete of {@code
 * bench.deleteTiles} tiles under read load. Run with {@code bin/blobstore-bench}.
 */
public final class BlobStoreBenchmark {
    private static final String LAYER = "bench";

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 5);
        int deleteTiles = Integer.getInteger("bench.deleteTiles", 1_000_000);
        int deleteTileBytes = Integer.getInteger("bench.deleteTileBytes", 1024);
        Path dir = Files.createTempDirectory("file-blobstore-bench-");
        System.out.printf(
                "GWC BlobStore benchmark: %d cores, FileBlobStore in %s, Redis on loopback%n",
                Runtime.getRuntime().availableProcessors(), dir);
        TileStoreBenchmark.measure(new GwcStore("file", new FileBlobStore(dir.toString())), seconds);

        TileLayerDispatcher layers = new OneLayerDispatcher(new BenchLayer());
        try (RedisServerProcess redis = RedisServerProcess.launch("--maxmemory", "0")) {
            RedisTileStore tiles = RedisTileStore.start(RedisTileStoreConfig.builder()
                    .nodes(List.of(redis.address()))
                    .poolMaxTotal(128)
                    .poolMinIdle(64)
                    .build());
            RedisBlobStore store = new RedisBlobStore("redis", tiles, layers);
            TileStoreBenchmark.measure(new GwcStore("redis", store), seconds);
            TileStoreBenchmark.measure(new TileStoreBenchmark.RedisBackend(tiles), seconds);
            if (deleteTiles > 0) {
                TileStoreBenchmark.bulkDelete(tiles, deleteTiles, deleteTileBytes);
            }
            store.destroy();
        }
    }

    /**
     * A configured layer with an id of its own, as GeoServer's are. Plain objects, not mocks: a mock's per-call
     * bookkeeping (Mockito records where each call came from) cost more CPU per tile read than the store itself.
     */
    static final class BenchLayer extends WMSLayer {
        BenchLayer() {
            super(
                    LAYER,
                    new String[] {"http://localhost/wms"},
                    null,
                    LAYER,
                    List.of("image/png"),
                    Map.of(),
                    List.of(),
                    new int[] {4, 4},
                    null,
                    false,
                    null);
        }

        @Override
        public String getId() {
            return "LayerInfoImpl--bench";
        }
    }

    /** GWC's dispatcher that knows one layer. */
    static final class OneLayerDispatcher extends TileLayerDispatcher {
        private final TileLayer layer;

        OneLayerDispatcher(TileLayer layer) {
            super(null, List.of(), null);
            this.layer = layer;
        }

        @Override
        public TileLayer getTileLayer(String name) throws GeoWebCacheException {
            if (!layer.getName().equals(name)) {
                throw new GeoWebCacheException("no layer " + name);
            }
            return layer;
        }
    }

    /** A GWC blob store driven through the BlobStore interface: tile n is (x = n mod 4096, y = n / 4096, z = 12). */
    record GwcStore(String name, BlobStore store) implements TileStoreBenchmark.BenchmarkedStore {
        @Override
        public void put(int tile, byte[] bytes) {
            try {
                store.put(TileObject.createCompleteTileObject(
                        LAYER, xyz(tile), "EPSG:900913", "image/png", null, new ByteArrayResource(bytes)));
            } catch (StorageException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean get(int tile) {
            try {
                return store.get(TileObject.createQueryTileObject(LAYER, xyz(tile), "EPSG:900913", "image/png", null));
            } catch (StorageException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long[] xyz(int tile) {
            return new long[] {tile % 4096, tile / 4096, 12};
        }

        @Override
        public void close() {
            store.destroy();
        }
    }

    private BlobStoreBenchmark() {}
}
