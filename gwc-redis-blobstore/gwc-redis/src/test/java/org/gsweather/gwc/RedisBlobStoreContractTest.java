package org.gsweather.gwc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.geowebcache.GeoWebCacheException;
import org.geowebcache.filter.parameters.ParameterFilter;
import org.geowebcache.filter.parameters.ParametersUtils;
import org.geowebcache.filter.parameters.StringParameterFilter;
import org.geowebcache.io.ByteArrayResource;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.layer.TileLayerDispatcher;
import org.geowebcache.mime.MimeType;
import org.geowebcache.storage.DiscontinuousTileRange;
import org.geowebcache.storage.StorageException;
import org.geowebcache.storage.StorageObject;
import org.geowebcache.storage.TileObject;
import org.geowebcache.storage.TileRange;
import org.geowebcache.storage.TileRangeMask;
import org.gsweather.redis.RedisTileStore;
import org.gsweather.redis.RedisTileStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * GWC's BlobStore contract on a real Redis: return values, TileObject fields, and every listener event with its
 * sizes, as GWC's disk quota and statistics consume them. Subclasses give a standalone server and a cluster.
 */
abstract class RedisBlobStoreContractTest {
    static final String PNG = "image/png";
    static final String GRID = "EPSG:4326";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    final Map<String, TileLayer> configured = new HashMap<>();
    final TileLayerDispatcher layers = mock(TileLayerDispatcher.class);
    final RecordingListener events = new RecordingListener();
    final List<RedisBlobStore> stores = new ArrayList<>();
    RedisBlobStore store;

    abstract RedisTileStoreConfig.Builder server();

    @BeforeEach
    void createStore(TestInfo test) throws Exception {
        when(layers.getTileLayer(org.mockito.ArgumentMatchers.anyString())).thenAnswer(call -> {
            TileLayer layer = configured.get(call.getArgument(0, String.class));
            if (layer == null) {
                throw new GeoWebCacheException(
                        "Thread " + Thread.currentThread().getId() + " Unknown layer " + call.getArgument(0));
            }
            return layer;
        });
        store = store(test, b -> {});
        configure("roads", "LayerInfoImpl--roads", List.of());
    }

    RedisBlobStore store(TestInfo test, Consumer<RedisTileStoreConfig.Builder> tweak) {
        String prefix = "b" + PREFIXES.incrementAndGet() + "."
                + test.getTestMethod().orElseThrow().getName();
        RedisTileStoreConfig.Builder b = server().keyPrefix(prefix.substring(0, Math.min(64, prefix.length())));
        tweak.accept(b);
        RedisBlobStore s = new RedisBlobStore("redis", RedisTileStore.start(b.build()), layers);
        s.addListener(events);
        stores.add(s);
        return s;
    }

    @AfterEach
    void destroyStores() {
        stores.forEach(RedisBlobStore::destroy);
    }

    TileLayer configure(String name, String id, List<ParameterFilter> filters) {
        TileLayer layer = mock(TileLayer.class);
        when(layer.getName()).thenReturn(name);
        when(layer.getId()).thenReturn(id);
        when(layer.getParameterFilters()).thenReturn(filters);
        configured.put(name, layer);
        return layer;
    }

    static TileObject tile(String layer, long x, long y, int z, String content) {
        return tile(layer, GRID, x, y, z, null, content);
    }

    static TileObject tile(
            String layer, String gridset, long x, long y, int z, Map<String, String> parameters, String content) {
        return TileObject.createCompleteTileObject(
                layer,
                new long[] {x, y, z},
                gridset,
                PNG,
                parameters,
                new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)));
    }

    static TileObject query(String layer, long x, long y, int z) {
        return query(layer, GRID, x, y, z, null);
    }

    static TileObject query(String layer, String gridset, long x, long y, int z, Map<String, String> parameters) {
        return TileObject.createQueryTileObject(layer, new long[] {x, y, z}, gridset, PNG, parameters);
    }

    static String content(TileObject t) throws Exception {
        return new String(((ByteArrayResource) t.getBlob()).getContents(), StandardCharsets.UTF_8);
    }

    boolean has(String layer, long x, long y, int z) throws Exception {
        return store.get(query(layer, x, y, z));
    }

    static TileRange range(String layer, int z, long minX, long minY, long maxX, long maxY) throws Exception {
        return new TileRange(
                layer, GRID, z, z, new long[][] {{minX, minY, maxX, maxY, z}}, MimeType.createFromFormat(PNG), null);
    }

    // ---------------------------------------------------------------- tiles

    @Test
    void getOfAMissingTileIsFalseAndAMiss() throws Exception {
        TileObject q = query("roads", 0, 0, 0);

        assertThat(store.get(q)).isFalse();
        assertThat(q.getStatus()).isEqualTo(StorageObject.Status.MISS);
    }

    @Test
    void putStoresTheBytesAndSendsTileStoredWithTheirSize() throws Exception {
        TileObject t = tile("roads", 3, 5, 4, "1,2,4,5,6 test");
        t.setCreated(1_700_000_000_000L);

        store.put(t);

        assertThat(events.lines()).containsExactly("tileStored roads EPSG:4326 image/png null 3 5 4 14");
        TileObject q = query("roads", 3, 5, 4);
        assertThat(store.get(q)).isTrue();
        assertThat(content(q)).isEqualTo("1,2,4,5,6 test");
        assertThat(q.getBlobSize()).isEqualTo(14);
        assertThat(q.getCreated()).isEqualTo(1_700_000_000_000L);
        assertThat(q.getStatus()).isEqualTo(StorageObject.Status.HIT);
    }

    @Test
    void overwritingSendsTileUpdatedWithNewAndOldSize() throws Exception {
        store.put(tile("roads", 0, 0, 1, "12345"));

        store.put(tile("roads", 0, 0, 1, "1234567"));

        assertThat(events.lines())
                .containsExactly(
                        "tileStored roads EPSG:4326 image/png null 0 0 1 5",
                        "tileUpdated roads EPSG:4326 image/png null 0 0 1 7 5");
    }

    @Test
    void anEmptyTileIsStoredAndServed() throws Exception {
        store.put(tile("roads", 0, 0, 0, ""));

        TileObject q = query("roads", 0, 0, 0);
        assertThat(store.get(q)).isTrue();
        assertThat(q.getBlobSize()).isZero();
    }

    @Test
    void deletingATileSendsTileDeletedWithItsSizeOnce() throws Exception {
        store.put(tile("roads", 1, 1, 2, "abcd"));
        events.clear();

        assertThat(store.delete(query("roads", 1, 1, 2))).isTrue();
        assertThat(store.delete(query("roads", 1, 1, 2))).isFalse();

        assertThat(events.lines()).containsExactly("tileDeleted roads EPSG:4326 image/png null 1 1 2 4");
        assertThat(has("roads", 1, 1, 2)).isFalse();
    }

    @Test
    void parametersIdIsComputedFromTheParametersAndKeepsCachesApart() throws Exception {
        Map<String, String> red = Map.of("STYLES", "red");
        Map<String, String> blue = Map.of("STYLES", "blue");
        store.put(tile("roads", GRID, 0, 0, 0, red, "r"));
        store.put(tile("roads", GRID, 0, 0, 0, blue, "b"));

        TileObject q = query("roads", GRID, 0, 0, 0, red);
        assertThat(store.get(q)).isTrue();
        assertThat(content(q)).isEqualTo("r");
        assertThat(q.getParametersId()).isEqualTo(ParametersUtils.getId(red));
        assertThat(store.get(query("roads", 0, 0, 0))).isFalse();
        assertThat(events.lines())
                .contains("tileStored roads EPSG:4326 image/png " + ParametersUtils.getId(blue) + " 0 0 0 1");
        assertThat(store.getParametersMapping("roads"))
                .isEqualTo(Map.of(
                        ParametersUtils.getId(red), Optional.of(red),
                        ParametersUtils.getId(blue), Optional.of(blue)));
        assertThat(store.getParameters("roads")).containsExactlyInAnyOrder(red, blue);
    }

    // ---------------------------------------------------------------- tile ranges

    @Test
    void smallRangeDeleteRemovesExactlyTheRangeAndReportsEachTile() throws Exception {
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                store.put(tile("roads", x, y, 3, "x".repeat(x + 1)));
            }
        }
        store.put(tile("roads", 1, 1, 4, "z4"));
        events.clear();

        assertThat(store.delete(range("roads", 3, 1, 1, 2, 3))).isTrue();

        assertThat(events.lines())
                .containsExactlyInAnyOrder(
                        "tileDeleted roads EPSG:4326 image/png null 1 1 3 2",
                        "tileDeleted roads EPSG:4326 image/png null 1 2 3 2",
                        "tileDeleted roads EPSG:4326 image/png null 1 3 3 2",
                        "tileDeleted roads EPSG:4326 image/png null 2 1 3 3",
                        "tileDeleted roads EPSG:4326 image/png null 2 2 3 3",
                        "tileDeleted roads EPSG:4326 image/png null 2 3 3 3");
        assertThat(has("roads", 1, 1, 3)).isFalse();
        assertThat(has("roads", 0, 1, 3)).isTrue();
        assertThat(has("roads", 3, 3, 3)).isTrue();
        assertThat(has("roads", 1, 1, 4)).isTrue();
    }

    @Test
    void largeRangeDeleteHidesAtOnceAndReportsEveryTileFromTheBackground(TestInfo test) throws Exception {
        store = store(test, b -> b.syncRangeDeleteLimit(0).deleteScanCount(20));
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 10; y++) {
                store.put(tile("roads", x, y, 5, "t"));
            }
        }
        events.clear();

        store.delete(range("roads", 5, 0, 0, 4, 9));

        assertThat(has("roads", 4, 9, 5)).isFalse();
        assertThat(has("roads", 5, 0, 5)).isTrue();
        assertThat(store.tileStore().awaitDeletions(Duration.ofSeconds(30))).isTrue();
        assertThat(events.lines())
                .hasSize(50)
                .allMatch(l -> l.startsWith("tileDeleted roads EPSG:4326 image/png null"));
        assertThat(events.lines()).contains("tileDeleted roads EPSG:4326 image/png null 4 9 5 1");
    }

    @Test
    void discontinuousRangeDeletesOnlyWhatItsMaskAllows() throws Exception {
        for (int x = 0; x < 4; x++) {
            store.put(tile("roads", x, x, 2, "d"));
            store.put(tile("roads", x, 3 - x, 2, "a"));
        }
        events.clear();
        TileRangeMask diagonal = new TileRangeMask() {
            @Override
            public long[][] getGridCoverages() {
                return new long[][] {null, null, {0, 0, 3, 3, 2}};
            }

            @Override
            public boolean lookup(long x, long y, int z) {
                return x == y;
            }
        };

        store.delete(new DiscontinuousTileRange("roads", GRID, 2, 2, diagonal, MimeType.createFromFormat(PNG), null));

        assertThat(events.lines()).hasSize(4);
        for (int x = 0; x < 4; x++) {
            assertThat(has("roads", x, x, 2)).isFalse();
            assertThat(has("roads", x, 3 - x, 2)).isTrue();
        }
    }

    @Test
    void discontinuousRangeTooLargeToEnumerateIsFilteredFromTheStoredTiles(TestInfo test) throws Exception {
        store = store(test, b -> b.syncRangeDeleteLimit(10));
        for (int x = 0; x < 20; x++) {
            store.put(tile("roads", x, 0, 9, "t"));
        }
        events.clear();
        TileRangeMask evenColumns = new TileRangeMask() {
            @Override
            public long[][] getGridCoverages() {
                long[][] c = new long[10][];
                c[9] = new long[] {0, 0, 511, 511, 9};
                return c;
            }

            @Override
            public boolean lookup(long x, long y, int z) {
                return x % 2 == 0;
            }
        };

        store.delete(
                new DiscontinuousTileRange("roads", GRID, 9, 9, evenColumns, MimeType.createFromFormat(PNG), null));

        assertThat(events.lines()).hasSize(10);
        assertThat(has("roads", 4, 0, 9)).isFalse();
        assertThat(has("roads", 5, 0, 9)).isTrue();
    }

    @Test
    void rangeWithoutBoundsDeletesWholeZoomLevels() throws Exception {
        store.put(tile("roads", 7, 7, 3, "a"));
        store.put(tile("roads", 1, 1, 4, "b"));
        store.put(tile("roads", 1, 1, 5, "c"));

        store.delete(new TileRange("roads", GRID, 3, 4, null, MimeType.createFromFormat(PNG), null));

        assertThat(has("roads", 7, 7, 3)).isFalse();
        assertThat(has("roads", 1, 1, 4)).isFalse();
        assertThat(has("roads", 1, 1, 5)).isTrue();
        assertThat(store.tileStore().awaitDeletions(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void rangeOfOneParametersIdLeavesTheOthers() throws Exception {
        Map<String, String> red = Map.of("STYLES", "red");
        store.put(tile("roads", GRID, 0, 0, 1, red, "r"));
        store.put(tile("roads", GRID, 0, 0, 1, null, "n"));

        store.delete(new TileRange(
                "roads", GRID, 1, 1, new long[][] {{0, 0, 1, 1, 1}}, MimeType.createFromFormat(PNG), red));

        assertThat(store.get(query("roads", GRID, 0, 0, 1, red))).isFalse();
        assertThat(has("roads", 0, 0, 1)).isTrue();
    }

    // ---------------------------------------------------------------- layers

    @Test
    void deletingALayerSendsLayerDeletedAndForgetsEverything() throws Exception {
        store.put(tile("roads", 0, 0, 0, "t"));
        store.put(tile("roads", "EPSG:900913", 0, 0, 0, Map.of("STYLES", "x"), "t"));
        store.putLayerMetadata("roads", "k", "v");
        events.clear();

        assertThat(store.delete("roads")).isTrue();

        assertThat(events.lines()).containsExactly("layerDeleted roads");
        assertThat(has("roads", 0, 0, 0)).isFalse();
        assertThat(store.layerExists("roads")).isFalse();
        assertThat(store.getLayerMetadata("roads", "k")).isNull();
        assertThat(store.getParametersMapping("roads")).isEmpty();
        assertThat(store.delete("roads")).isFalse();
        assertThat(events.lines()).hasSize(1);
    }

    @Test
    void aLayerAlreadyRemovedFromTheConfigurationIsDeletedByName() throws Exception {
        store.put(tile("roads", 0, 0, 0, "t"));
        configured.remove("roads");

        assertThat(store.layerExists("roads")).isTrue();
        assertThat(store.delete("roads")).isTrue();
        assertThat(store.layerExists("roads")).isFalse();
    }

    @Test
    void deletingAGridsetKeepsTheOtherGridsets() throws Exception {
        store.put(tile("roads", GRID, 0, 0, 0, null, "a"));
        store.put(tile("roads", "EPSG:900913", 0, 0, 0, null, "b"));
        events.clear();

        assertThat(store.deleteByGridsetId("roads", GRID)).isTrue();

        assertThat(events.lines()).containsExactly("gridSubsetDeleted roads EPSG:4326");
        assertThat(has("roads", 0, 0, 0)).isFalse();
        assertThat(store.get(query("roads", "EPSG:900913", 0, 0, 0, null))).isTrue();
        assertThat(store.deleteByGridsetId("roads", "EPSG:3857")).isFalse();
    }

    @Test
    void deletingParametersKeepsTheOtherParametersAndSendsParametersDeleted() throws Exception {
        Map<String, String> red = Map.of("STYLES", "red");
        Map<String, String> blue = Map.of("STYLES", "blue");
        store.put(tile("roads", GRID, 0, 0, 0, red, "r"));
        store.put(tile("roads", GRID, 0, 0, 0, blue, "b"));
        events.clear();

        assertThat(store.deleteByParameters("roads", red)).isTrue();

        assertThat(events.lines()).containsExactly("parametersDeleted roads " + ParametersUtils.getId(red));
        assertThat(store.get(query("roads", GRID, 0, 0, 0, red))).isFalse();
        assertThat(store.get(query("roads", GRID, 0, 0, 0, blue))).isTrue();
        assertThat(store.getParametersMapping("roads")).containsOnlyKeys(ParametersUtils.getId(blue));
    }

    @Test
    void renameSendsLayerRenamedAndTheTilesFollowTheName() throws Exception {
        store.put(tile("roads", 2, 1, 3, "t"));
        store.putLayerMetadata("roads", "k", "v");
        events.clear();

        assertThat(store.rename("roads", "streets")).isTrue();
        configure("streets", "LayerInfoImpl--roads", List.of());
        configured.remove("roads");

        assertThat(events.lines()).containsExactly("layerRenamed roads streets");
        assertThat(has("streets", 2, 1, 3)).isTrue();
        assertThat(store.layerExists("roads")).isFalse();
        assertThat(store.layerExists("streets")).isTrue();
        assertThat(store.getLayerMetadata("streets", "k")).isEqualTo("v");
        assertThat(store.rename("nothing", "other")).isTrue();
        assertThat(events.lines()).hasSize(1);
    }

    @Test
    void renameOntoALayerThatHasTilesFails() throws Exception {
        configure("rivers", "LayerInfoImpl--rivers", List.of());
        store.put(tile("roads", 0, 0, 0, "r"));
        store.put(tile("rivers", 0, 0, 0, "v"));

        assertThatThrownBy(() -> store.rename("roads", "rivers"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("'rivers' already has tiles");
    }

    @Test
    void aRenameThatDidNotReachTheStoreStillDeletesByTheNewName() throws Exception {
        store.put(tile("roads", 0, 0, 0, "t"));
        configured.remove("roads");
        configure("streets", "LayerInfoImpl--roads", List.of());

        assertThat(has("streets", 0, 0, 0)).isTrue();
        assertThat(store.layerExists("streets")).isTrue();
        assertThat(store.delete("streets")).isTrue();
        assertThat(has("streets", 0, 0, 0)).isFalse();
        assertThat(store.layerExists("roads")).isFalse();
    }

    @Test
    void layerMetadataIsKeptPerLayer() throws Exception {
        configure("rivers", "LayerInfoImpl--rivers", List.of());
        store.putLayerMetadata("roads", "lastTruncate", "1234");
        store.putLayerMetadata("rivers", "lastTruncate", "99");

        assertThat(store.getLayerMetadata("roads", "lastTruncate")).isEqualTo("1234");
        assertThat(store.getLayerMetadata("rivers", "lastTruncate")).isEqualTo("99");
        assertThat(store.getLayerMetadata("roads", "other")).isNull();
        assertThat(store.layerExists("roads")).isTrue();
    }

    @Test
    void purgeOrphansKeepsEveryCombinationTheFiltersStillAllow() throws Exception {
        StringParameterFilter styles = new StringParameterFilter();
        styles.setKey("STYLES");
        styles.setDefaultValue("red");
        styles.setValues(List.of("red", "blue"));
        TileLayer layer = configure("roads", "LayerInfoImpl--roads", List.of(styles));
        Map<String, String> red = Map.of("STYLES", "red");
        Map<String, String> green = Map.of("STYLES", "green");
        Map<String, String> redAndTime = Map.of("STYLES", "red", "TIME", "2026-01-01");
        for (Map<String, String> p : List.of(red, green, redAndTime)) {
            store.put(tile("roads", GRID, 0, 0, 0, p, "t"));
        }
        events.clear();

        assertThat(store.purgeOrphans(layer)).isTrue();

        assertThat(store.get(query("roads", GRID, 0, 0, 0, red))).isTrue();
        assertThat(store.get(query("roads", GRID, 0, 0, 0, green))).isFalse();
        assertThat(store.get(query("roads", GRID, 0, 0, 0, redAndTime))).isFalse();
        assertThat(events.lines())
                .containsExactlyInAnyOrder(
                        "parametersDeleted roads " + ParametersUtils.getId(green),
                        "parametersDeleted roads " + ParametersUtils.getId(redAndTime));
        assertThat(store.purgeOrphans(layer)).isFalse();
    }

    @Test
    void clearRemovesEverything() throws Exception {
        store.put(tile("roads", 0, 0, 0, "t"));

        store.clear();

        assertThat(has("roads", 0, 0, 0)).isFalse();
        assertThat(store.layerExists("roads")).isFalse();
    }

    @Test
    void removedListenersHearNothing() throws Exception {
        assertThat(store.removeListener(events)).isTrue();

        store.put(tile("roads", 0, 0, 0, "t"));

        assertThat(events.lines()).isEmpty();
    }
}
