package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What a GWC blob store needs from the tile store, against a real Redis. Each test has its own key prefix; the
 * subclasses provide a standalone server and a 3-primary cluster.
 */
abstract class TileStoreContractTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final CacheId PNG = new CacheId("layer-id-1", "EPSG:4326", "image/png", null);

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private final List<RedisTileStore> stores = new ArrayList<>();

    abstract RedisTileStoreConfig.Builder server();

    RedisTileStore store(TestInfo test) {
        return store(test, b -> {});
    }

    RedisTileStore store(TestInfo test, java.util.function.Consumer<RedisTileStoreConfig.Builder> tweak) {
        String prefix = "t" + PREFIXES.incrementAndGet() + "."
                + test.getTestMethod().orElseThrow().getName();
        RedisTileStoreConfig.Builder b = server().keyPrefix(prefix.substring(0, Math.min(64, prefix.length())));
        tweak.accept(b);
        RedisTileStore store = RedisTileStore.start(b.build());
        stores.add(store);
        return store;
    }

    /** A second node: another store on the same servers and prefix. */
    RedisTileStore sameStore(RedisTileStore node) {
        RedisTileStore store = RedisTileStore.start(node.config());
        stores.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisTileStore::close);
    }

    static byte[] tile(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(StoredTile t) {
        return t == null ? null : new String(t.bytes(), StandardCharsets.UTF_8);
    }

    static TileLocation at(CacheId cache, int z, long x, long y) {
        return TileLocation.of(cache, z, x, y);
    }

    /** Keys physically present under {@code pattern}, on every primary. */
    static long countKeys(RedisTileStore store, String pattern) {
        long n = 0;
        for (HostAndPort node : store.connection().primaries()) {
            try (Jedis j = store.connection().open(node)) {
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page =
                            j.scan(cursor, new ScanParams().match(pattern).count(1000));
                    n += page.getResult().size();
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        }
        return n;
    }

    @Test
    void putThenGetReturnsTheBytesAndTheCreationTime(TestInfo test) {
        RedisTileStore store = store(test);
        PutOutcome out = store.put("roads", at(PNG, 3, 5, 6), tile("tile-3-5-6"), null, 1_700_000_000_123L);

        assertThat(out).isEqualTo(new PutOutcome(PutOutcome.Kind.STORED, 10, 0));
        StoredTile got = store.get(at(PNG, 3, 5, 6));
        assertThat(text(got)).isEqualTo("tile-3-5-6");
        assertThat(got.createdMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(store.get(at(PNG, 3, 6, 5))).isNull();
    }

    @Test
    void secondPutReportsTheReplacedSize(TestInfo test) {
        RedisTileStore store = store(test);
        store.put("roads", at(PNG, 1, 0, 0), tile("12345"), null);

        PutOutcome again = store.put("roads", at(PNG, 1, 0, 0), tile("1234567"), null);

        assertThat(again).isEqualTo(new PutOutcome(PutOutcome.Kind.REPLACED, 7, 5));
        assertThat(text(store.get(at(PNG, 1, 0, 0)))).isEqualTo("1234567");
    }

    @Test
    void deleteReturnsTheDeletedSizeOnce(TestInfo test) {
        RedisTileStore store = store(test);
        store.put("roads", at(PNG, 2, 1, 1), tile("abcd"), null);

        assertThat(store.delete(at(PNG, 2, 1, 1))).isEqualTo(new DeletedTile(at(PNG, 2, 1, 1), 4));
        assertThat(store.delete(at(PNG, 2, 1, 1))).isNull();
        assertThat(store.get(at(PNG, 2, 1, 1))).isNull();
    }

    @Test
    void emptyTileIsStoredAndServed(TestInfo test) {
        RedisTileStore store = store(test);
        store.put("roads", at(PNG, 0, 0, 0), new byte[0], null);

        assertThat(store.get(at(PNG, 0, 0, 0)).length()).isZero();
    }

    @Test
    void namesWithSeparatorsBracesAndWildcardsNeverCollide(TestInfo test) {
        RedisTileStore store = store(test);
        CacheId a = new CacheId("ws:a", "b:c", "image/png", null);
        CacheId b = new CacheId("ws", "a:b:c", "image/png", null);
        CacheId c = new CacheId("{ws}*", "a/b?[c]", "image/png", "x:y");
        CacheId d = new CacheId("{ws}*", "a/b?[c]", "image/png", null);
        store.put("a", at(a, 1, 1, 1), tile("A"), null);
        store.put("b", at(b, 1, 1, 1), tile("B"), null);
        store.put("c", at(c, 1, 1, 1), tile("C"), Map.of("STYLES", "x:y"));
        store.put("d", at(d, 1, 1, 1), tile("D"), null);

        assertThat(List.of(a, b, c, d).stream().map(x -> text(store.get(at(x, 1, 1, 1)))))
                .containsExactly("A", "B", "C", "D");
        assertThat(store.keys().parseTileKey(store.keys().tile(at(c, 1, 1, 1)))).isEqualTo(at(c, 1, 1, 1));
    }

    @Test
    void cachesDifferingInOneComponentAreIndependent(TestInfo test) {
        RedisTileStore store = store(test);
        List<CacheId> caches = List.of(
                PNG,
                new CacheId("layer-id-1", "EPSG:900913", "image/png", null),
                new CacheId("layer-id-1", "EPSG:4326", "image/jpeg", null),
                new CacheId("layer-id-1", "EPSG:4326", "image/png", "p1"),
                new CacheId("layer-id-2", "EPSG:4326", "image/png", null));
        for (int i = 0; i < caches.size(); i++) {
            store.put("l", at(caches.get(i), 4, 2, 2), tile("c" + i), null);
        }
        for (int i = 0; i < caches.size(); i++) {
            assertThat(text(store.get(at(caches.get(i), 4, 2, 2)))).isEqualTo("c" + i);
        }
    }

    @Test
    void layerMetadataIsKeptPerLayer(TestInfo test) {
        RedisTileStore store = store(test);
        store.putLayerMetadata("roads", "id-roads", "lastTruncate", "1234");
        store.putLayerMetadata("rivers", "id-rivers", "lastTruncate", "99");

        assertThat(store.getLayerMetadata("roads", "lastTruncate")).isEqualTo("1234");
        assertThat(store.getLayerMetadata("rivers", "lastTruncate")).isEqualTo("99");
        assertThat(store.getLayerMetadata("roads", "other")).isNull();
        assertThat(store.getLayerMetadata("unknown", "lastTruncate")).isNull();
        assertThat(store.layerExists("roads")).isTrue();
    }

    @Test
    void parametersMappingHasEveryParametersIdWritten(TestInfo test) {
        RedisTileStore store = store(test);
        Map<String, String> time1 = Map.of("TIME", "2026-11-23T00:00:00Z", "ELEVATION", "850");
        Map<String, String> time2 = Map.of("TIME", "2026-11-23T06:00:00Z", "ELEVATION", "850");
        store.put("wind", at(new CacheId("wind-id", "g", "image/png", "p1"), 0, 0, 0), tile("x"), time1);
        store.put("wind", at(new CacheId("wind-id", "g", "image/png", "p2"), 0, 0, 0), tile("x"), time2);
        store.put("wind", at(new CacheId("wind-id", "g", "image/png", "p2"), 1, 0, 0), tile("x"), time2);

        assertThat(store.parametersMapping("wind")).isEqualTo(Map.of("p1", time1, "p2", time2));
        assertThat(store.parametersMapping("nothing")).isEmpty();
    }

    @Test
    void renameMovesTheNameNotTheTiles(TestInfo test) {
        RedisTileStore store = store(test);
        CacheId cache = new CacheId("id-7", "g", "image/png", null);
        store.put("old", at(cache, 2, 1, 1), tile("t"), null);
        store.putLayerMetadata("old", "id-7", "k", "v");
        long keysBefore = countKeys(store, store.keys().everything());

        assertThat(store.rename("old", "new")).isEqualTo(RenameOutcome.RENAMED);

        assertThat(store.layerExists("old")).isFalse();
        assertThat(store.layerExists("new")).isTrue();
        assertThat(store.getLayerMetadata("new", "k")).isEqualTo("v");
        assertThat(text(store.get(at(cache, 2, 1, 1)))).isEqualTo("t");
        assertThat(countKeys(store, store.keys().everything())).isEqualTo(keysBefore);
        assertThat(store.rename("old", "other")).isEqualTo(RenameOutcome.NOT_FOUND);
        store.putLayerMetadata("taken", "id-8", "k", "v");
        assertThat(store.rename("new", "taken")).isEqualTo(RenameOutcome.NEW_NAME_TAKEN);
        assertThat(store.layerId("new")).contains("id-7");
    }

    @Test
    void deletedLayerVanishesAtOnceAndIsPurgedInTheBackground(TestInfo test) throws Exception {
        RedisTileStore store = store(test);
        CacheId other = new CacheId("id-other", "g", "image/png", null);
        for (int x = 0; x < 40; x++) {
            store.put("roads", at(PNG, 6, x, x), tile("r" + x), Map.of());
            store.put(
                    "roads",
                    at(new CacheId(PNG.layerId(), "g2", "image/png", "p"), 6, x, 0),
                    tile("q"),
                    Map.of("A", "1"));
        }
        store.put("other", at(other, 6, 1, 1), tile("keep"), null);
        store.putLayerMetadata("roads", PNG.layerId(), "k", "v");

        assertThat(store.deleteLayer("roads")).isTrue();

        assertThat(store.get(at(PNG, 6, 3, 3))).isNull();
        assertThat(store.layerExists("roads")).isFalse();
        assertThat(store.getLayerMetadata("roads", "k")).isNull();
        assertThat(store.parametersMapping("roads")).isEmpty();
        assertThat(store.awaitDeletions(WAIT)).isTrue();
        assertThat(countKeys(store, store.keys().tilesOfLayer(PNG.layerId()))).isZero();
        assertThat(countKeys(store, store.keys().tilesOfLayer(PNG.layerId()).replace(":t:", ":s:")))
                .isZero();
        assertThat(countKeys(store, store.keys().tilesOfLayer(PNG.layerId()).replace(":t:", ":f:")))
                .isZero();
        assertThat(text(store.get(at(other, 6, 1, 1)))).isEqualTo("keep");
        assertThat(store.pendingDeletions()).isEmpty();
        assertThat(store.deleteLayer("roads")).isFalse();
    }

    @Test
    void layerWrittenAgainAfterDeleteIsServedAndRegistered(TestInfo test) throws Exception {
        RedisTileStore store = store(test);
        CacheId cache = new CacheId("id-w", "g", "image/png", "p9");
        store.put("weather", at(cache, 1, 0, 0), tile("old"), Map.of("TIME", "t0"));
        store.deleteLayer("weather");

        assertThat(store.put("weather", at(cache, 1, 0, 0), tile("new"), Map.of("TIME", "t0"))
                        .kind())
                .isEqualTo(PutOutcome.Kind.STORED);

        assertThat(text(store.get(at(cache, 1, 0, 0)))).isEqualTo("new");
        assertThat(store.layerExists("weather")).isTrue();
        assertThat(store.parametersMapping("weather")).isEqualTo(Map.of("p9", Map.of("TIME", "t0")));
        assertThat(store.awaitDeletions(WAIT)).isTrue();
        assertThat(text(store.get(at(cache, 1, 0, 0)))).isEqualTo("new");
        assertThat(store.deleteLayer("weather")).isTrue();
        assertThat(store.get(at(cache, 1, 0, 0))).isNull();
    }

    @Test
    void deleteGridsetKeepsTheOtherGridsets(TestInfo test) throws Exception {
        RedisTileStore store = store(test);
        CacheId g1 = new CacheId("id", "EPSG:4326", "image/png", null);
        CacheId g2 = new CacheId("id", "EPSG:900913", "image/png", null);
        store.put("l", at(g1, 3, 1, 1), tile("1"), null);
        store.put("l", at(g2, 3, 1, 1), tile("2"), null);

        assertThat(store.deleteGridset("l", "EPSG:4326")).isTrue();

        assertThat(store.get(at(g1, 3, 1, 1))).isNull();
        assertThat(text(store.get(at(g2, 3, 1, 1)))).isEqualTo("2");
        assertThat(store.deleteGridset("l", "EPSG:3857")).isFalse();
        assertThat(store.awaitDeletions(WAIT)).isTrue();
        assertThat(countKeys(store, store.keys().tilesOfGridset("id", "EPSG:4326")))
                .isZero();
        assertThat(countKeys(store, store.keys().tilesOfGridset("id", "EPSG:900913")))
                .isEqualTo(1);
    }

    @Test
    void deleteParametersKeepsOtherParametersAndForgetsItsMapping(TestInfo test) throws Exception {
        RedisTileStore store = store(test);
        CacheId p1 = new CacheId("id", "g", "image/png", "p1");
        CacheId p2 = new CacheId("id", "g", "image/png", "p2");
        CacheId p1jpeg = new CacheId("id", "g", "image/jpeg", "p1");
        store.put("l", at(p1, 3, 1, 1), tile("1"), Map.of("TIME", "a"));
        store.put("l", at(p1jpeg, 3, 1, 1), tile("1j"), Map.of("TIME", "a"));
        store.put("l", at(p2, 3, 1, 1), tile("2"), Map.of("TIME", "b"));

        assertThat(store.deleteParameters("l", "p1")).isTrue();

        assertThat(store.get(at(p1, 3, 1, 1))).isNull();
        assertThat(store.get(at(p1jpeg, 3, 1, 1))).isNull();
        assertThat(text(store.get(at(p2, 3, 1, 1)))).isEqualTo("2");
        assertThat(store.parametersMapping("l")).isEqualTo(Map.of("p2", Map.of("TIME", "b")));
        assertThat(store.awaitDeletions(WAIT)).isTrue();
        assertThat(countKeys(store, store.keys().tilesOfParameters("id", "p1"))).isZero();
    }

    @Test
    void smallRangeDeleteRemovesExactlyTheRangeAndReportsSizes(TestInfo test) {
        RedisTileStore store = store(test);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                store.put("l", at(PNG, 3, x, y), tile("x".repeat(x + 1)), null);
            }
        }
        store.put("l", at(PNG, 4, 2, 2), tile("z4"), null);

        RangeDeletion r = store.deleteRange("l", new TileRangeSpec(PNG, List.of(new ZoomBounds(3, 2, 2, 3, 4))));

        assertThat(r.scheduled()).isFalse();
        assertThat(r.deletedNow()).hasSize(6);
        assertThat(r.deletedNow()).contains(new DeletedTile(at(PNG, 3, 3, 4), 4));
        assertThat(store.get(at(PNG, 3, 2, 2))).isNull();
        assertThat(store.get(at(PNG, 3, 3, 4))).isNull();
        assertThat(store.get(at(PNG, 3, 1, 2))).isNotNull();
        assertThat(store.get(at(PNG, 3, 2, 5))).isNotNull();
        assertThat(store.get(at(PNG, 4, 2, 2))).isNotNull();
    }

    @Test
    void largeRangeDeleteHidesAtOnceAndReportsEveryRemovedTile(TestInfo test) throws Exception {
        RedisTileStore store = store(test, b -> b.syncRangeDeleteLimit(0).deleteScanCount(50));
        List<DeletedTile> heard = Collections.synchronizedList(new ArrayList<>());
        store.addDeletionListener((layer, tiles) -> {
            assertThat(layer).isEqualTo("l");
            heard.addAll(tiles);
        });
        for (int x = 0; x < 20; x++) {
            for (int y = 0; y < 20; y++) {
                store.put("l", at(PNG, 5, x, y), tile("t" + x), null);
            }
        }
        store.put("l", at(PNG, 6, 5, 5), tile("zoom6"), null);

        RangeDeletion r = store.deleteRange(
                "l", new TileRangeSpec(PNG, List.of(new ZoomBounds(5, 5, 0, 14, 9), new ZoomBounds(7, 0, 0, 10, 10))));

        assertThat(r.scheduled()).isTrue();
        assertThat(store.get(at(PNG, 5, 5, 0))).isNull();
        assertThat(store.get(at(PNG, 5, 14, 9))).isNull();
        assertThat(store.get(at(PNG, 5, 4, 0))).isNotNull();
        assertThat(store.get(at(PNG, 5, 5, 10))).isNotNull();
        assertThat(store.get(at(PNG, 6, 5, 5))).isNotNull();
        PutOutcome rewrite = store.put("l", at(PNG, 5, 6, 6), tile("rewritten"), null);
        assertThat(rewrite.kind()).isIn(PutOutcome.Kind.STORED, PutOutcome.Kind.REPLACED_DELETED);
        assertThat(text(store.get(at(PNG, 5, 6, 6)))).isEqualTo("rewritten");

        assertThat(store.awaitDeletions(WAIT)).isTrue();

        // every deleted tile is reported exactly once: by the deleter, or by the put that overwrote it first
        Set<TileIndex> expected = new HashSet<>();
        for (int x = 5; x <= 14; x++) {
            for (int y = 0; y <= 9; y++) {
                expected.add(new TileIndex(5, x, y));
            }
        }
        if (rewrite.kind() == PutOutcome.Kind.REPLACED_DELETED) {
            assertThat(rewrite.oldSize()).isEqualTo(2);
            expected.remove(new TileIndex(5, 6, 6));
        }
        assertThat(heard.stream().map(d -> d.location().index())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(heard)
                .allSatisfy(d -> assertThat(d.size())
                        .isEqualTo(("t" + d.location().index().x()).length()));
        assertThat(countKeys(store, store.keys().tilesOfCache(PNG))).isEqualTo(400 - 100 + 1 + 1);
        assertThat(text(store.get(at(PNG, 5, 6, 6)))).isEqualTo("rewritten");
        for (int s = 0; s < store.keys().shards(); s++) {
            String state = store.keys().shardState(PNG, s);
            assertThat(store.connection().client().hexists(state, "r5"))
                    .as(state)
                    .isFalse();
        }
    }

    @Test
    void tileTtlIsAppliedToEveryTile(TestInfo test) {
        RedisTileStore store = store(test, b -> b.tileTtl(Duration.ofSeconds(60)));
        store.put("l", at(PNG, 1, 1, 1), tile("t"), null);

        long ttl = store.connection().client().pttl(store.keys().tile(at(PNG, 1, 1, 1)));
        assertThat(ttl).isBetween(1L, 60_000L);
        long stateTtl = store.connection().client().pttl(store.keys().shardState(at(PNG, 1, 1, 1)));
        assertThat(stateTtl).isGreaterThan(60_000L);
        long floorTtl = store.connection().client().pttl(store.keys().shardFloor(at(PNG, 1, 1, 1)));
        assertThat(floorTtl).isGreaterThan(60_000L);
        store.deleteLayer("l");
        floorTtl = store.connection().client().pttl(store.keys().shardFloor(at(PNG, 1, 1, 1)));
        assertThat(floorTtl).isGreaterThan(60_000L);
    }

    @Test
    void aValueNotWrittenByTheStoreIsNeverServed(TestInfo test) {
        RedisTileStore store = store(test);
        store.put("l", at(PNG, 1, 1, 1), tile("good"), null);
        String key = store.keys().tile(at(PNG, 1, 1, 1));

        store.connection().client().set(key, "T1000000000001");
        assertThat(store.get(at(PNG, 1, 1, 1))).isNull();
        store.connection().client().set(key, "garbage that is long enough to hold a header");
        assertThat(store.get(at(PNG, 1, 1, 1))).isNull();
        store.connection().client().set(key, "T1zzzzzzzzzzzzzz0000018bcfe56800tile bytes");
        assertThat(store.get(at(PNG, 1, 1, 1))).isNull();
        assertThat(store.metrics().corruptValues()).isEqualTo(3);
    }

    @Test
    void aLayerDeleteOnOneNodeHidesItsTilesFromReadsStartedAfterItOnAnotherNode(TestInfo test) throws Exception {
        RedisTileStore node1 = store(test);
        RedisTileStore node2 = sameStore(node1);
        TileLocation at = at(PNG, 9, 1, 1);
        node1.put("l", at, tile("t"), null);

        assertThat(readsAfter(node2, at, () -> node1.deleteLayer("l"))).isEmpty();
    }

    @Test
    void aLargeRangeDeleteOnOneNodeHidesItsTilesFromReadsStartedAfterItOnAnotherNode(TestInfo test) throws Exception {
        RedisTileStore node1 = store(test, b -> b.syncRangeDeleteLimit(0));
        RedisTileStore node2 = sameStore(node1);
        TileLocation at = at(PNG, 9, 1, 1);
        node1.put("l", at, tile("t"), null);

        assertThat(readsAfter(
                        node2,
                        at,
                        () -> node1.deleteRange("l", new TileRangeSpec(PNG, List.of(new ZoomBounds(9, 0, 0, 3, 3))))))
                .isEmpty();
    }

    /**
     * Reads {@code at} on {@code reader} in a loop while {@code delete} runs on this thread; returns what the 200
     * reads started after {@code delete} returned found (nothing, when the delete is visible at once).
     */
    static List<String> readsAfter(RedisTileStore reader, TileLocation at, Runnable delete) throws Exception {
        AtomicBoolean deleted = new AtomicBoolean();
        List<String> found = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger after = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> reads = pool.submit(() -> {
                while (after.get() < 200) {
                    boolean started = deleted.get();
                    String text = text(reader.get(at));
                    if (started) {
                        after.incrementAndGet();
                        if (text != null) {
                            found.add(text);
                        }
                    }
                }
            });
            Await.until(WAIT, "the reader sees the tile", () -> reader.metrics().hits() > 10);
            delete.run();
            deleted.set(true);
            reads.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return found;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aShardWithoutAFloorKeyIsCheckedAgainstItsStateAndGetsItsFloorBack(TestInfo test) {
        RedisTileStore store = store(test);
        TileLocation at = at(PNG, 2, 1, 1);
        store.put("l", at, tile("t"), null);
        String floor = store.keys().shardFloor(at);
        store.connection().client().del(floor);

        assertThat(text(store.get(at))).isEqualTo("t");
        assertThat(store.connection().client().get(floor)).isEqualTo("1");
        store.deleteLayer("l");
        store.connection().client().del(floor);
        assertThat(store.get(at)).isNull();
    }

    @Test
    void theFloorKeyMirrorsTheStateFloorAndTheZoomsWithRangeTombstones(TestInfo test) throws Exception {
        RedisTileStore store = store(test);
        TileLocation at = at(PNG, 5, 0, 0);
        store.put("l", at, tile("t"), null);
        String floor = store.keys().shardFloor(at);
        List<byte[]> shard = List.of(RedisTileStore.bytes(store.keys().shardState(at)), RedisTileStore.bytes(floor));
        assertThat(store.connection().client().get(floor)).isEqualTo("1");

        for (int z : new int[] {5, 7}) {
            LuaScript.MARK_DELETED.run(
                    store.connection().client(),
                    shard,
                    Stream.of("range", "0", String.valueOf(z), "0", "0", "0", "0", "job1")
                            .map(RedisTileStore::bytes)
                            .toList());
        }
        assertThat(store.connection().client().get(floor)).isEqualTo("1,5,7");
        assertThat(store.get(at)).isNull();
        LuaScript.FINISH_RANGE.run(
                store.connection().client(),
                shard,
                Stream.of("job1", "5", "7").map(RedisTileStore::bytes).toList());
        assertThat(store.connection().client().get(floor)).isEqualTo("1");

        store.deleteLayer("l");
        assertThat(store.connection().client().get(floor)).isEqualTo("4");
        assertThat(store.get(at)).isNull();
        assertThat(store.awaitDeletions(WAIT)).isTrue();
        assertThat(store.connection().client().exists(floor)).isFalse();
    }

    @Test
    void clearRemovesEveryKeyOfThePrefixOnly(TestInfo test) {
        RedisTileStore store = store(test);
        RedisTileStore neighbour = store(test);
        store.put("l", at(PNG, 1, 1, 1), tile("a"), null);
        neighbour.put("l", at(PNG, 1, 1, 1), tile("b"), null);

        store.clear();

        assertThat(countKeys(store, store.keys().everything())).isZero();
        assertThat(text(neighbour.get(at(PNG, 1, 1, 1)))).isEqualTo("b");
    }
}
