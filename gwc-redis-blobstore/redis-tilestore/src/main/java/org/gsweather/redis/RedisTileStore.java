package org.gsweather.redis;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.gsweather.redis.lock.LockSettings;
import org.gsweather.redis.lock.RedisLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Tiles, layer metadata and parameters of a GeoWebCache blob store, in Redis. No GWC types: a GWC {@code BlobStore}
 * maps its contract onto these methods one to one (see {@code docs/redis-tilestore.md}).
 *
 * <p>Tile reads and writes never throw and never wait longer than {@link RedisTileStoreConfig#worstCaseRequestTime()}:
 * when Redis fails, is slow or the circuit breaker is open, a read is a miss and a write is dropped (and counted).
 * Bulk operations (layer, gridset, parameters, range deletes; rename; metadata) throw {@link
 * StoreUnavailableException} instead, because silently not deleting would serve stale tiles.
 */
public final class RedisTileStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisTileStore.class);
    private static final int DELETE_CHUNK = 256;

    private final RedisTileStoreConfig config;
    private final RedisConnection connection;
    private final TileKeyBuilder keys;
    private final NodeBreakers breakers;
    private final TileStoreMetrics metrics;
    private final BulkDeleter deleter;
    private final NearCache nearCache;
    private final String tileTtlMillis;
    private final String stateTtlMillis;
    private NodeChannel channel;
    private RedisLocks locks;
    private boolean closed;

    private RedisTileStore(RedisTileStoreConfig config) {
        this.config = config;
        this.connection = new RedisConnection(config);
        this.keys = new TileKeyBuilder(config.keyPrefix(), config.shardsPerCache());
        this.breakers = NodeBreakers.of(config, connection::slotOwner);
        this.metrics = new TileStoreMetrics(breakers);
        this.deleter = new BulkDeleter(connection, keys, config, metrics);
        this.tileTtlMillis = String.valueOf(config.tileTtl().toMillis());
        // a shard state must outlive every tile it guards
        this.stateTtlMillis = config.tileTtl().isZero()
                ? "0"
                : String.valueOf(config.tileTtl().plus(Duration.ofHours(1)).toMillis());
        this.nearCache =
                config.nearCacheMaxBytes() > 0 ? new NearCache(config.nearCacheMaxBytes(), connection, keys) : null;
    }

    /** The client; throws while a cluster or Sentinel set has not been reached yet (see {@link RedisConnection}). */
    private UnifiedJedis redis() {
        return connection.client();
    }

    /**
     * Starts a store: validates nothing more than the configuration (already valid), so that GeoServer starts even
     * while Redis is down; the store serves misses until Redis answers. Pending bulk deletes resume in the
     * background.
     */
    public static RedisTileStore start(RedisTileStoreConfig config) {
        RedisTileStore store = new RedisTileStore(config);
        store.deleter.start();
        if (store.nearCache != null) {
            store.nearCache.start();
        }
        try {
            store.redis().hsetnx(store.keys.storeMarker(), "version", "1");
        } catch (RuntimeException e) {
            LOG.warn(
                    "Redis tile store started while Redis is unreachable ({}): tiles are misses until it answers",
                    FailureMessage.of(e, config));
        }
        return store;
    }

    /**
     * What the configured prefix holds now, looked at without starting a store (and so without writing its marker).
     * Throws {@link StoreUnavailableException} when Redis cannot be reached.
     */
    public static PrefixContents examinePrefix(RedisTileStoreConfig config) {
        TileKeyBuilder keys = new TileKeyBuilder(config.keyPrefix(), config.shardsPerCache());
        try (RedisConnection connection = new RedisConnection(config)) {
            if (connection.client().exists(keys.storeMarker())) {
                return PrefixContents.TILE_STORE;
            }
            ScanParams params = new ScanParams().match(keys.everything()).count(1000);
            for (HostAndPort node : connection.primaries()) {
                try (Jedis jedis = connection.open(node)) {
                    String cursor = ScanParams.SCAN_POINTER_START;
                    do {
                        ScanResult<String> page = jedis.scan(cursor, params);
                        if (!page.getResult().isEmpty()) {
                            return PrefixContents.FOREIGN_KEYS;
                        }
                        cursor = page.getCursor();
                    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
                }
            }
            return PrefixContents.EMPTY;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    "Redis tile store could not look at prefix '" + config.keyPrefix() + "' (" + config.nodes() + "): "
                            + FailureMessage.of(e, config),
                    e);
        }
    }

    public RedisTileStoreConfig config() {
        return config;
    }

    public TileKeyBuilder keys() {
        return keys;
    }

    RedisConnection connection() {
        return connection;
    }

    public TileStoreMetrics metrics() {
        return metrics;
    }

    /**
     * The pub/sub channel of the nodes sharing this store ({@code <prefix>:nodes}), subscribed on first use and
     * closed with the store.
     */
    public synchronized NodeChannel channel() {
        if (closed) {
            throw new IllegalStateException("the tile store is closed");
        }
        if (channel == null) {
            channel = new NodeChannel(connection, keys.nodeChannel());
            channel.start();
        }
        return channel;
    }

    /**
     * Locks shared by the nodes on this Redis (see {@link RedisLocks}), on this store's connection and key prefix;
     * made with {@code settings} on first use (later settings are ignored) and closed with the store.
     */
    public synchronized RedisLocks locks(LockSettings settings) {
        if (closed) {
            throw new IllegalStateException("the tile store is closed");
        }
        if (locks == null) {
            locks = new RedisLocks(connection::client, config.keyPrefix(), settings);
        }
        return locks;
    }

    /** {@code true} when Redis answers a PING now (for the admin UI's connection test). */
    public boolean ping() {
        try {
            return "PONG".equals(redis().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- tiles

    /** The tile, or {@code null} when absent, deleted, or Redis could not answer in time. */
    public StoredTile get(TileLocation location) {
        String key = keys.tile(location);
        if (nearCache != null) {
            StoredTile cached = nearCache.get(key);
            if (cached != null) {
                metrics.nearCacheHits.increment();
                return cached;
            }
        }
        long epoch = nearCache == null ? 0 : nearCache.epoch();
        byte[] tileKey = bytes(key);
        long start = System.nanoTime();
        Object value = guarded(tileKey, () -> readLive(location, tileKey));
        metrics.redisGet.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (!(value instanceof byte[] raw)) {
            metrics.misses.increment();
            return null;
        }
        StoredTile tile = TileValue.parse(raw);
        if (tile == null) {
            metrics.corruptValues.increment();
            metrics.misses.increment();
            return null;
        }
        metrics.hits.increment();
        if (nearCache != null) {
            nearCache.put(key, tile, epoch);
        }
        return tile;
    }

    /**
     * The stored value of a tile that is live, else {@code null}; a value that is no tile of this store is returned
     * for {@link TileValue#parse} to reject. One MGET of tile and shard floor, compared here; only a tile at a zoom
     * level with pending range tombstones, or in a shard without a floor key, is settled by {@code get_tile.lua}.
     */
    private byte[] readLive(TileLocation location, byte[] tileKey) {
        byte[] floorKey = bytes(keys.shardFloor(location));
        List<byte[]> values = redis().mget(tileKey, floorKey);
        byte[] value = values.get(0);
        byte[] floor = values.get(1);
        if (value == null) {
            return null;
        }
        long generation = TileValue.generation(value);
        if (generation < 0) {
            return value;
        }
        if (floor != null) {
            long floorGeneration = ShardFloor.generation(floor);
            if (floorGeneration >= 0) {
                if (generation < floorGeneration) {
                    return null;
                }
                if (!ShardFloor.listsZoom(floor, location.index().z())) {
                    return value;
                }
            }
        }
        TileIndex i = location.index();
        Object checked = LuaScript.GET_TILE.run(
                redis(),
                List.of(tileKey, bytes(keys.shardState(location)), floorKey),
                List.of(bytes(String.valueOf(i.z())), bytes(String.valueOf(i.x())), bytes(String.valueOf(i.y()))));
        return checked instanceof byte[] b ? b : null;
    }

    /**
     * Stores a tile (created now). {@code layerName} and {@code parameters} are recorded the first time a cache is
     * written (and again after it was deleted), for {@link #layerExists}, deletes by name and {@link
     * #parametersMapping}.
     */
    public PutOutcome put(String layerName, TileLocation location, byte[] tile, Map<String, String> parameters) {
        return put(layerName, location, tile, parameters, System.currentTimeMillis());
    }

    public PutOutcome put(
            String layerName, TileLocation location, byte[] tile, Map<String, String> parameters, long createdMillis) {
        CacheId.requireNonEmpty(layerName, "layerName");
        String key = keys.tile(location);
        if (nearCache != null) {
            nearCache.invalidateLocally(key);
        }
        byte[] tileKey = bytes(key);
        CircuitBreaker breaker = breakers.breakerFor(tileKey);
        if (!breaker.allowRequest()) {
            metrics.writesDropped.increment();
            return PutOutcome.dropped(tile.length);
        }
        long start = System.nanoTime();
        try {
            List<byte[]> tileKeys =
                    List.of(tileKey, bytes(keys.shardState(location)), bytes(keys.shardFloor(location)));
            List<Object> r = runPut(tileKeys, location, tile, createdMillis, false);
            if (((Long) r.get(0)) < 0) {
                register(layerName, location.cache(), parameters);
                r = runPut(tileKeys, location, tile, createdMillis, true);
            }
            breaker.onSuccess();
            metrics.redisPut.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            metrics.puts.increment();
            if (nearCache != null) {
                nearCache.publishInvalidation(key);
            }
            long outcome = (Long) r.get(0);
            long oldSize = (Long) r.get(1);
            PutOutcome.Kind kind = outcome == 1
                    ? PutOutcome.Kind.REPLACED
                    : outcome == 2 ? PutOutcome.Kind.REPLACED_DELETED : PutOutcome.Kind.STORED;
            return new PutOutcome(kind, tile.length, kind == PutOutcome.Kind.STORED ? 0 : oldSize);
        } catch (RuntimeException e) {
            breaker.onFailure();
            metrics.writesDropped.increment();
            LOG.debug("Tile write dropped: {}", e.toString());
            return PutOutcome.dropped(tile.length);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> runPut(
            List<byte[]> tileKeys, TileLocation location, byte[] tile, long createdMillis, boolean registered) {
        TileIndex i = location.index();
        return (List<Object>) LuaScript.PUT_TILE.run(
                redis(),
                tileKeys,
                List.of(
                        tile,
                        bytes(TileValue.createdField(createdMillis)),
                        bytes(tileTtlMillis),
                        bytes(registered ? "1" : "0"),
                        bytes(String.valueOf(i.z())),
                        bytes(String.valueOf(i.x())),
                        bytes(String.valueOf(i.y())),
                        bytes(stateTtlMillis)));
    }

    private void register(String layerName, CacheId cache, Map<String, String> parameters) {
        String layerId = cache.layerId();
        redis().hsetnx(keys.storeMarker(), "version", "1");
        redis().hset(keys.layers(), layerName, layerId);
        redis().hset(keys.layerCaches(layerId), keys.cacheField(cache), "1");
        if (cache.parametersId() != null && parameters != null && !parameters.isEmpty()) {
            redis().hset(keys.layerParameters(layerId), cache.parametersId(), encodeParameters(parameters));
        }
    }

    /**
     * Deletes one tile; the deleted tile with its size, or {@code null} when there was none. Throws {@link
     * StoreUnavailableException} when Redis cannot be reached: a delete that silently did nothing would leave a
     * stale tile.
     */
    public DeletedTile delete(TileLocation location) {
        List<DeletedTile> deleted = deleteTiles(location.cache(), List.of(location.index()));
        return deleted.isEmpty() ? null : deleted.get(0);
    }

    /** Deletes the listed tiles of one cache (pipelined per shard); returns those that existed, with sizes. */
    public List<DeletedTile> deleteTiles(CacheId cache, Collection<TileIndex> indexes) {
        Map<String, List<TileLocation>> byShard = new LinkedHashMap<>();
        for (TileIndex index : indexes) {
            TileLocation location = new TileLocation(cache, index);
            byShard.computeIfAbsent(keys.shardState(location), s -> new ArrayList<>())
                    .add(location);
        }
        List<DeletedTile> reported = new ArrayList<>();
        long start = System.nanoTime();
        bulk("delete tiles of " + cache, () -> {
            for (Map.Entry<String, List<TileLocation>> e : byShard.entrySet()) {
                List<TileLocation> all = e.getValue();
                for (int from = 0; from < all.size(); from += DELETE_CHUNK) {
                    List<TileLocation> chunk = all.subList(from, Math.min(all.size(), from + DELETE_CHUNK));
                    List<String> tileKeys = chunk.stream().map(keys::tile).toList();
                    deleteInShard(redis(), e.getKey(), tileKeys, chunk, true, reported);
                    if (nearCache != null) {
                        tileKeys.forEach(nearCache::invalidateLocally);
                        tileKeys.forEach(nearCache::publishInvalidation);
                    }
                }
            }
            return null;
        });
        metrics.redisDelete.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        metrics.tilesDeleted.add(reported.size());
        return reported;
    }

    /**
     * Runs the delete script on tiles of one shard. {@code any}: delete live tiles too; otherwise only logically
     * deleted ones. Returns every tile removed; adds to {@code reported} those whose deletion nobody was told about
     * yet (live ones, and those under a range tombstone).
     */
    @SuppressWarnings("unchecked")
    static List<DeletedTile> deleteInShard(
            UnifiedJedis redis,
            String stateKey,
            List<String> tileKeys,
            List<TileLocation> locations,
            boolean any,
            List<DeletedTile> reported) {
        List<byte[]> scriptKeys = new ArrayList<>(tileKeys.size() + 1);
        scriptKeys.add(bytes(stateKey));
        List<byte[]> args = new ArrayList<>(locations.size() * 3 + 1);
        for (int i = 0; i < tileKeys.size(); i++) {
            scriptKeys.add(bytes(tileKeys.get(i)));
            TileIndex index = locations.get(i).index();
            args.add(bytes(String.valueOf(index.z())));
            args.add(bytes(String.valueOf(index.x())));
            args.add(bytes(String.valueOf(index.y())));
        }
        args.add(bytes(any ? "any" : "dead"));
        List<Object> r = (List<Object>) LuaScript.DELETE_TILES.run(redis, scriptKeys, args);
        List<DeletedTile> removed = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            long kind = (Long) r.get(2 * i);
            long size = (Long) r.get(2 * i + 1);
            if (kind == 0) {
                continue;
            }
            DeletedTile d = new DeletedTile(locations.get(i), size);
            removed.add(d);
            if (kind == 2) {
                reported.add(d);
            }
        }
        return removed;
    }

    // ---------------------------------------------------------------- bulk deletes

    /**
     * Deletes a tile range. Up to {@code syncRangeDeleteLimit} tile positions it deletes them at once and returns
     * them; beyond, it marks the range deleted in every shard (readers stop seeing it at once) and schedules a
     * background job that reports the removed tiles to the {@link DeletionListener}s.
     */
    public RangeDeletion deleteRange(String layerName, TileRangeSpec range) {
        if (range.tileCount() <= config.syncRangeDeleteLimit()) {
            List<TileIndex> all = new ArrayList<>();
            for (ZoomBounds b : range.zooms()) {
                for (long y = b.minY(); y <= b.maxY(); y++) {
                    for (long x = b.minX(); x <= b.maxX(); x++) {
                        all.add(new TileIndex(b.z(), x, y));
                    }
                }
            }
            return new RangeDeletion(deleteTiles(range.cache(), all), null);
        }
        String jobId = BulkDeleter.newJobId();
        bulk("mark range deleted in " + range.cache(), () -> {
            for (int s = 0; s < keys.shards(); s++) {
                List<byte[]> shard =
                        List.of(bytes(keys.shardState(range.cache(), s)), bytes(keys.shardFloor(range.cache(), s)));
                for (ZoomBounds b : range.zooms()) {
                    LuaScript.MARK_DELETED.run(
                            redis(),
                            shard,
                            List.of(
                                    bytes("range"),
                                    bytes("0"),
                                    bytes(String.valueOf(b.z())),
                                    bytes(String.valueOf(b.minX())),
                                    bytes(String.valueOf(b.minY())),
                                    bytes(String.valueOf(b.maxX())),
                                    bytes(String.valueOf(b.maxY())),
                                    bytes(jobId)));
                }
            }
            deleter.submit(new DeletionJob(
                    jobId,
                    DeletionJob.Kind.RANGE,
                    layerName,
                    keys.tilesOfCache(range.cache()),
                    null,
                    range.cache(),
                    range.zooms().stream().map(ZoomBounds::z).toList()));
            return null;
        });
        invalidateNearCache();
        return new RangeDeletion(List.of(), jobId);
    }

    /**
     * Deletes a layer: its tiles vanish at once, its name, metadata and parameters are forgotten, and the tiles are
     * removed in the background. {@code false} when the store has no layer of that name.
     */
    public boolean deleteLayer(String layerName) {
        return deleteLayer(layerName, null);
    }

    /**
     * Deletes a layer known by name and, when the caller knows it, by its current id (which wins over the id recorded
     * for the name: they differ when the layer was renamed or re-created without the store being told). Every name
     * that points to the id is forgotten. {@code false} when nothing was stored.
     */
    public boolean deleteLayer(String layerName, String layerId) {
        return bulk("delete layer " + layerName, () -> {
            boolean existed = false;
            for (String id : layerIds(layerName, layerId)) {
                existed |= deleteCaches(layerName, id, c -> true, DeletionJob.Kind.LAYER, keys.tilesOfLayer(id));
                existed |= redis().del(keys.layerMetadata(id), keys.layerParameters(id)) > 0;
                existed |= forgetNamesOf(id);
            }
            existed |= redis().hdel(keys.layers(), layerName) > 0;
            return existed;
        });
    }

    /** Deletes the tiles of one gridset of a layer; {@code false} when the layer never had any. */
    public boolean deleteGridset(String layerName, String gridsetId) {
        return deleteGridset(layerName, null, gridsetId);
    }

    /** As {@link #deleteGridset(String, String)}, also under the layer's current id when given. */
    public boolean deleteGridset(String layerName, String layerId, String gridsetId) {
        return bulk("delete gridset " + gridsetId + " of " + layerName, () -> {
            boolean existed = false;
            for (String id : layerIds(layerName, layerId)) {
                existed |= deleteCaches(
                        layerName,
                        id,
                        c -> c.gridsetId().equals(gridsetId),
                        DeletionJob.Kind.GRIDSET,
                        keys.tilesOfGridset(id, gridsetId));
            }
            return existed;
        });
    }

    /** Deletes the tiles of one parameters id of a layer, and its parameters mapping. */
    public boolean deleteParameters(String layerName, String parametersId) {
        return deleteParameters(layerName, null, parametersId);
    }

    /** As {@link #deleteParameters(String, String)}, also under the layer's current id when given. */
    public boolean deleteParameters(String layerName, String layerId, String parametersId) {
        return bulk("delete parameters " + parametersId + " of " + layerName, () -> {
            boolean existed = false;
            for (String id : layerIds(layerName, layerId)) {
                existed |= deleteCaches(
                        layerName,
                        id,
                        c -> parametersId.equals(c.parametersId()),
                        DeletionJob.Kind.PARAMETERS,
                        keys.tilesOfParameters(id, parametersId));
                existed |= redis().hdel(keys.layerParameters(id), parametersId) > 0;
            }
            return existed;
        });
    }

    /**
     * The ids to act on for a layer: its current id when the caller knows it (an id recorded for the name may then
     * be stale, e.g. after a rename the store was not told of, and belong to another layer now), else the id
     * recorded for the name.
     */
    private List<String> layerIds(String layerName, String layerId) {
        if (layerId != null) {
            return List.of(layerId);
        }
        String recorded = redis().hget(keys.layers(), layerName);
        return recorded == null ? List.of() : List.of(recorded);
    }

    private boolean forgetNamesOf(String layerId) {
        List<String> names = new ArrayList<>();
        redis().hgetAll(keys.layers()).forEach((name, id) -> {
            if (id.equals(layerId)) {
                names.add(name);
            }
        });
        return !names.isEmpty() && redis().hdel(keys.layers(), names.toArray(String[]::new)) > 0;
    }

    private boolean deleteCaches(
            String layerName, String layerId, Predicate<CacheId> which, DeletionJob.Kind kind, String tilePattern) {
        List<String> fields = new ArrayList<>();
        List<CacheId> caches = new ArrayList<>();
        for (String field : redis().hkeys(keys.layerCaches(layerId))) {
            CacheId cache = keys.cacheFromField(layerId, field);
            if (which.test(cache)) {
                fields.add(field);
                caches.add(cache);
            }
        }
        if (caches.isEmpty()) {
            return false;
        }
        for (CacheId cache : caches) {
            for (int s = 0; s < keys.shards(); s++) {
                LuaScript.MARK_DELETED.run(
                        redis(),
                        List.of(bytes(keys.shardState(cache, s)), bytes(keys.shardFloor(cache, s))),
                        List.of(bytes("all"), bytes("1")));
            }
        }
        redis().hdel(keys.layerCaches(layerId), fields.toArray(String[]::new));
        String statePattern = tilePattern.replaceFirst(":t:\\{", ":s:{");
        deleter.submit(new DeletionJob(BulkDeleter.newJobId(), kind, layerName, tilePattern, statePattern, null, null));
        invalidateNearCache();
        return true;
    }

    /**
     * Hands the indexes of the tiles stored for one zoom level of a cache to {@code batches}, a SCAN page at a time
     * (logically deleted tiles included; a later delete of them is a no-op). For selections that are cheaper to
     * filter than to enumerate, such as GWC's discontinuous tile ranges.
     */
    public void scanTiles(CacheId cache, int z, Consumer<List<TileIndex>> batches) {
        bulk("scan tiles of " + cache + " at zoom " + z, () -> {
            ScanParams params =
                    new ScanParams().match(keys.tilesOfCacheAtZoom(cache, z)).count(config.deleteScanCount());
            for (HostAndPort node : connection.primaries()) {
                try (Jedis jedis = connection.open(node)) {
                    String cursor = ScanParams.SCAN_POINTER_START;
                    do {
                        ScanResult<String> page = jedis.scan(cursor, params);
                        List<TileIndex> found = new ArrayList<>(page.getResult().size());
                        for (String key : page.getResult()) {
                            TileLocation location = keys.parseTileKey(key);
                            if (location != null && location.cache().equals(cache)) {
                                found.add(location.index());
                            }
                        }
                        if (!found.isEmpty()) {
                            batches.accept(found);
                        }
                        cursor = page.getCursor();
                    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
                }
            }
            return null;
        });
    }

    /** Bulk deletes recorded in Redis and not finished yet (on any node). */
    public List<DeletionProgress> pendingDeletions() {
        return bulk("read pending deletions", deleter::progress);
    }

    /** Waits until this node's deleter finds no pending job; {@code false} on timeout. */
    public boolean awaitDeletions(Duration timeout) throws InterruptedException {
        return deleter.awaitIdle(timeout);
    }

    public void addDeletionListener(DeletionListener listener) {
        deleter.addListener(listener);
    }

    public void removeDeletionListener(DeletionListener listener) {
        deleter.removeListener(listener);
    }

    // ---------------------------------------------------------------- layers

    public boolean layerExists(String layerName) {
        return layerExists(layerName, null);
    }

    /** Whether the store knows the name, or has caches under {@code layerId} (the layer's current id, if known). */
    public boolean layerExists(String layerName, String layerId) {
        return bulk(
                "check layer " + layerName,
                () -> redis().hexists(keys.layers(), layerName)
                        || (layerId != null && redis().exists(keys.layerCaches(layerId))));
    }

    /** The stable id the store knows for a layer name (also after the layer left the GWC configuration). */
    public Optional<String> layerId(String layerName) {
        return Optional.ofNullable(bulk("look up layer " + layerName, () -> redis().hget(keys.layers(), layerName)));
    }

    /** Renames a layer: one hash field moves, no tile is touched (keys use the layer id). */
    public RenameOutcome rename(String oldName, String newName) {
        Object r = bulk(
                "rename layer " + oldName,
                () -> LuaScript.RENAME_LAYER.run(
                        redis(), List.of(bytes(keys.layers())), List.of(bytes(oldName), bytes(newName))));
        long code = (Long) r;
        return code == 1 ? RenameOutcome.RENAMED : code == 0 ? RenameOutcome.NOT_FOUND : RenameOutcome.NEW_NAME_TAKEN;
    }

    public String getLayerMetadata(String layerName, String key) {
        return getLayerMetadata(layerName, null, key);
    }

    /** A metadata entry, under {@code layerId} when given (the layer's current id), else under the recorded id. */
    public String getLayerMetadata(String layerName, String layerId, String key) {
        return bulk("read metadata of " + layerName, () -> {
            String id = layerId != null ? layerId : redis().hget(keys.layers(), layerName);
            return id == null ? null : redis().hget(keys.layerMetadata(id), key);
        });
    }

    /** Stores a metadata entry; also records the layer's name, so that a layer with metadata only exists. */
    public void putLayerMetadata(String layerName, String layerId, String key, String value) {
        bulk("write metadata of " + layerName, () -> {
            redis().hset(keys.layers(), layerName, layerId);
            if (value == null) {
                redis().hdel(keys.layerMetadata(layerId), key);
            } else {
                redis().hset(keys.layerMetadata(layerId), key, value);
            }
            return null;
        });
    }

    /** Parameters id to parameters, for every parameters id the layer has written tiles with. */
    public Map<String, Map<String, String>> parametersMapping(String layerName) {
        return parametersMapping(layerName, null);
    }

    /** As {@link #parametersMapping(String)}, over the recorded id and {@code layerId} (the current one) if given. */
    public Map<String, Map<String, String>> parametersMapping(String layerName, String layerId) {
        return bulk("read parameters of " + layerName, () -> {
            Map<String, Map<String, String>> out = new HashMap<>();
            for (String layer : layerIds(layerName, layerId)) {
                redis().hgetAll(keys.layerParameters(layer)).forEach((id, enc) -> out.put(id, decodeParameters(enc)));
            }
            return out;
        });
    }

    /** Removes every key of this store's prefix, synchronously, SCAN by SCAN on every primary. For tests and resets. */
    public void clear() {
        bulk("clear", () -> {
            ScanParams params = new ScanParams().match(keys.everything()).count(1000);
            for (HostAndPort node : connection.primaries()) {
                try (Jedis jedis = connection.open(node)) {
                    String cursor = ScanParams.SCAN_POINTER_START;
                    do {
                        ScanResult<String> page = jedis.scan(cursor, params);
                        for (String key : page.getResult()) {
                            redis().unlink(key);
                        }
                        cursor = page.getCursor();
                    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
                }
            }
            return null;
        });
        invalidateNearCache();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (channel != null) {
                channel.close();
            }
            if (locks != null) {
                locks.close();
            }
        }
        deleter.close();
        if (nearCache != null) {
            nearCache.close();
        }
        connection.close();
    }

    // ---------------------------------------------------------------- helpers

    private void invalidateNearCache() {
        if (nearCache != null) {
            nearCache.invalidateAllLocally();
            try {
                nearCache.publishInvalidateAll();
            } catch (RuntimeException e) {
                LOG.warn("Could not tell other nodes to drop their near caches: {}", e.toString());
            }
        }
    }

    /**
     * A tile read behind the breaker of the server that {@code key} goes to: short-circuited (counted, {@code null})
     * while that breaker is open, {@code null} (counted) when Redis fails.
     */
    private Object guarded(byte[] key, Supplier<Object> call) {
        CircuitBreaker breaker = breakers.breakerFor(key);
        if (!breaker.allowRequest()) {
            metrics.readsShortCircuited.increment();
            return null;
        }
        try {
            Object r = call.get();
            breaker.onSuccess();
            return r;
        } catch (RuntimeException e) {
            breaker.onFailure();
            metrics.readFailures.increment();
            LOG.debug("Tile read failed, answering a miss: {}", e.toString());
            return null;
        }
    }

    private <T> T bulk(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(
                    "Redis tile store could not " + what + " (" + config.nodes() + "): " + FailureMessage.of(e, config),
                    e);
        }
    }

    static String encodeParameters(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(parameters).forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    static Map<String, String> decodeParameters(String encoded) {
        Map<String, String> out = new TreeMap<>();
        if (encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
