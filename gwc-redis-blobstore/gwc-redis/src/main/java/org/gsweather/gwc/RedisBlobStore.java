package org.gsweather.gwc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geowebcache.GeoWebCacheException;
import org.geowebcache.filter.parameters.ParameterFilter;
import org.geowebcache.filter.parameters.ParametersUtils;
import org.geowebcache.io.ByteArrayResource;
import org.geowebcache.io.Resource;
import org.geowebcache.layer.TileLayer;
import org.geowebcache.layer.TileLayerDispatcher;
import org.geowebcache.storage.BlobStore;
import org.geowebcache.storage.BlobStoreListener;
import org.geowebcache.storage.BlobStoreListenerList;
import org.geowebcache.storage.DiscontinuousTileRange;
import org.geowebcache.storage.StorageException;
import org.geowebcache.storage.StorageObject;
import org.geowebcache.storage.TileObject;
import org.geowebcache.storage.TileRange;
import org.gsweather.gwc.cluster.ConfigurationSync;
import org.gsweather.gwc.cluster.MemoryTileCaches;
import org.gsweather.gwc.cluster.TileCacheEvents;
import org.gsweather.redis.CacheId;
import org.gsweather.redis.DeletedTile;
import org.gsweather.redis.PutOutcome;
import org.gsweather.redis.RangeDeletion;
import org.gsweather.redis.RedisTileStore;
import org.gsweather.redis.RenameOutcome;
import org.gsweather.redis.StoreUnavailableException;
import org.gsweather.redis.StoredTile;
import org.gsweather.redis.TileIndex;
import org.gsweather.redis.TileLocation;
import org.gsweather.redis.TileRangeSpec;
import org.gsweather.redis.ZoomBounds;

/**
 * GeoWebCache's {@link BlobStore} contract and its listener events over a {@link RedisTileStore}, which holds the
 * keys, scripts and bulk deletes (see {@code docs/redis-tilestore.md} for the method-by-method mapping).
 *
 * <p>Tiles are keyed by the layer's id ({@link TileLayer#getId()}, GeoServer's catalog id), so a rename moves no
 * tile. Tile reads and writes never throw: a Redis that is down, slow or failing over gives misses and dropped
 * writes (GWC renders the tile). Every other operation throws {@link StorageException} when Redis cannot do it.
 */
public final class RedisBlobStore implements BlobStore {
    private static final Logger LOG = Logger.getLogger(RedisBlobStore.class.getName());
    private static final int DELETE_BATCH = 4096;
    /** Bound of x and y for a tile range without bounds: exact in Redis' Lua numbers. */
    private static final long UNBOUNDED = (1L << 53) - 1;

    private final String name;
    private final boolean defaultStore;
    private final RedisTileStore tiles;
    private final TileLayerDispatcher layers;
    private final BlobStoreListenerList listeners = new BlobStoreListenerList();
    private final TileCacheEvents nodeEvents;

    RedisBlobStore(String name, RedisTileStore tiles, TileLayerDispatcher layers) {
        this(name, false, tiles, layers);
    }

    RedisBlobStore(String name, boolean defaultStore, RedisTileStore tiles, TileLayerDispatcher layers) {
        this.name = name;
        this.defaultStore = defaultStore;
        this.tiles = Objects.requireNonNull(tiles);
        this.layers = Objects.requireNonNull(layers);
        tiles.addDeletionListener(this::tilesDeletedInBackground);
        this.nodeEvents =
                new TileCacheEvents(tiles.channel(), MemoryTileCaches::evictLayer, MemoryTileCaches::evictAll);
        tiles.channel().addListener(ConfigurationSync::onNodeMessage);
        LiveRedisBlobStores.register(this);
    }

    /** The blob store's configured name (its id in GWC's configuration). */
    public String name() {
        return name;
    }

    /** Whether this is GWC's default blob store (the one layers without a blob store of their own use). */
    public boolean isDefault() {
        return defaultStore;
    }

    /** The tile store underneath, for status pages and tests. */
    public RedisTileStore tileStore() {
        return tiles;
    }

    // ---------------------------------------------------------------- tiles

    @Override
    public boolean get(TileObject obj) {
        StoredTile tile = tiles.get(location(obj));
        if (tile == null) {
            obj.setStatus(StorageObject.Status.MISS);
            return false;
        }
        obj.setBlob(
                tile.length() == 0
                        ? new ByteArrayResource(new byte[0])
                        : new ByteArrayResource(tile.buffer(), tile.offset(), tile.length()));
        obj.setCreated(tile.createdMillis());
        obj.setStatus(StorageObject.Status.HIT);
        return true;
    }

    @Override
    public void put(TileObject obj) throws StorageException {
        byte[] bytes = bytesOf(obj.getBlob());
        TileLocation at = location(obj);
        long created = obj.getCreated() > 0 ? obj.getCreated() : System.currentTimeMillis();
        PutOutcome outcome = tiles.put(obj.getLayerName(), at, bytes, obj.getParameters(), created);
        obj.setBlobSize(bytes.length);
        switch (outcome.kind()) {
            case STORED -> listeners.sendTileStored(obj);
            case REPLACED -> {
                listeners.sendTileUpdated(obj, outcome.oldSize());
                nodeEvents.tileRewritten(obj.getLayerName());
            }
            case REPLACED_DELETED -> {
                sendTileDeleted(obj.getLayerName(), at, outcome.oldSize());
                listeners.sendTileStored(obj);
            }
            case DROPPED -> LOG.fine(() -> "Tile not stored, Redis unavailable: " + obj);
        }
    }

    @Override
    public boolean delete(TileObject obj) throws StorageException {
        DeletedTile deleted = storage(() -> tiles.delete(location(obj)));
        if (deleted == null) {
            return false;
        }
        obj.setBlobSize((int) deleted.size());
        listeners.sendTileDeleted(obj);
        nodeEvents.tilesDeleted(obj.getLayerName());
        return true;
    }

    @Override
    public boolean delete(TileRange range) throws StorageException {
        CacheId cache = new CacheId(
                layerId(range.getLayerName()),
                range.getGridSetId(),
                range.getMimeType().getFormat(),
                parametersId(range.getParametersId(), range.getParameters()));
        List<ZoomBounds> zooms = new ArrayList<>();
        for (int z = range.getZoomStart(); z <= range.getZoomStop(); z++) {
            ZoomBounds b = bounds(range, z);
            if (b != null) {
                zooms.add(b);
            }
        }
        if (zooms.isEmpty()) {
            return true;
        }
        if (range instanceof DiscontinuousTileRange) {
            deleteMasked(range, cache, zooms);
            nodeEvents.tilesDeleted(range.getLayerName());
            return true;
        }
        RangeDeletion deletion =
                storage(() -> tiles.deleteRange(range.getLayerName(), new TileRangeSpec(cache, zooms)));
        deletion.deletedNow().forEach(d -> sendTileDeleted(range.getLayerName(), d.location(), d.size()));
        nodeEvents.tilesDeleted(range.getLayerName());
        return true;
    }

    /** The positions a discontinuous range's mask allows: enumerated when few, else filtered from a SCAN. */
    private void deleteMasked(TileRange range, CacheId cache, List<ZoomBounds> zooms) throws StorageException {
        for (ZoomBounds b : zooms) {
            if (b.tileCount() <= tiles.config().syncRangeDeleteLimit()) {
                List<TileIndex> batch = new ArrayList<>();
                for (long y = b.minY(); y <= b.maxY(); y++) {
                    for (long x = b.minX(); x <= b.maxX(); x++) {
                        if (range.contains(x, y, b.z())) {
                            batch.add(new TileIndex(b.z(), x, y));
                        }
                    }
                }
                deleteIndexes(range.getLayerName(), cache, batch);
            } else {
                List<StorageException> failed = new ArrayList<>();
                storage(() -> {
                    tiles.scanTiles(cache, b.z(), found -> {
                        List<TileIndex> selected = found.stream()
                                .filter(i -> range.contains(i.x(), i.y(), i.z()))
                                .toList();
                        try {
                            deleteIndexes(range.getLayerName(), cache, selected);
                        } catch (StorageException e) {
                            failed.add(e);
                        }
                    });
                    return null;
                });
                if (!failed.isEmpty()) {
                    throw failed.get(0);
                }
            }
        }
    }

    private void deleteIndexes(String layerName, CacheId cache, List<TileIndex> indexes) throws StorageException {
        for (int from = 0; from < indexes.size(); from += DELETE_BATCH) {
            List<TileIndex> chunk = indexes.subList(from, Math.min(indexes.size(), from + DELETE_BATCH));
            for (DeletedTile d : storage(() -> tiles.deleteTiles(cache, chunk))) {
                sendTileDeleted(layerName, d.location(), d.size());
            }
        }
    }

    /**
     * The bounds of zoom {@code z}; the whole level when the range has no bounds at all, {@code null} when it has
     * bounds for other levels only.
     */
    private static ZoomBounds bounds(TileRange range, int z) {
        long[] b;
        try {
            b = range.rangeBounds(z);
        } catch (NullPointerException e) {
            // TileRange keeps a null bounds map for "every tile of these levels"
            return new ZoomBounds(z, 0, 0, UNBOUNDED, UNBOUNDED);
        } catch (IllegalStateException e) {
            return null;
        }
        return new ZoomBounds(z, Math.max(0, b[0]), Math.max(0, b[1]), b[2], b[3]);
    }

    /** Tiles removed by a background range delete (on whichever GeoServer node runs it). */
    private void tilesDeletedInBackground(String layerName, List<DeletedTile> deleted) {
        for (DeletedTile d : deleted) {
            sendTileDeleted(layerName, d.location(), d.size());
        }
    }

    private void sendTileDeleted(String layerName, TileLocation at, long size) {
        CacheId c = at.cache();
        TileIndex i = at.index();
        listeners.sendTileDeleted(layerName, c.gridsetId(), c.format(), c.parametersId(), i.x(), i.y(), i.z(), size);
    }

    // ---------------------------------------------------------------- layers

    @Override
    public boolean delete(String layerName) throws StorageException {
        boolean existed = storage(() -> tiles.deleteLayer(layerName, configuredLayerId(layerName)));
        if (existed) {
            listeners.sendLayerDeleted(layerName);
        }
        nodeEvents.tilesDeleted(layerName);
        return existed;
    }

    @Override
    public boolean deleteByGridsetId(String layerName, String gridSetId) throws StorageException {
        boolean existed = storage(() -> tiles.deleteGridset(layerName, configuredLayerId(layerName), gridSetId));
        if (existed) {
            listeners.sendGridSubsetDeleted(layerName, gridSetId);
        }
        nodeEvents.tilesDeleted(layerName);
        return existed;
    }

    @Override
    public boolean deleteByParametersId(String layerName, String parametersId) throws StorageException {
        boolean existed = storage(() -> tiles.deleteParameters(layerName, configuredLayerId(layerName), parametersId));
        if (existed) {
            listeners.sendParametersDeleted(layerName, parametersId);
        }
        nodeEvents.tilesDeleted(layerName);
        return existed;
    }

    @Override
    public boolean rename(String oldLayerName, String newLayerName) throws StorageException {
        RenameOutcome outcome = storage(() -> tiles.rename(oldLayerName, newLayerName));
        switch (outcome) {
            case RENAMED -> {
                listeners.sendLayerRenamed(oldLayerName, newLayerName);
                nodeEvents.tilesDeleted(oldLayerName);
                return true;
            }
            case NOT_FOUND -> {
                return true;
            }
            default ->
                throw new StorageException("Cannot rename layer '" + oldLayerName + "' to '" + newLayerName
                        + "' in Redis blob store '" + name + "': a layer named '" + newLayerName
                        + "' already has tiles there; delete it first");
        }
    }

    @Override
    public boolean layerExists(String layerName) {
        return unchecked(() -> tiles.layerExists(layerName, configuredLayerId(layerName)));
    }

    @Override
    public String getLayerMetadata(String layerName, String key) {
        return unchecked(() -> tiles.getLayerMetadata(layerName, configuredLayerId(layerName), key));
    }

    @Override
    public void putLayerMetadata(String layerName, String key, String value) {
        unchecked(() -> {
            tiles.putLayerMetadata(layerName, layerId(layerName), key, value);
            return null;
        });
    }

    @Override
    public Map<String, Optional<Map<String, String>>> getParametersMapping(String layerName) {
        Map<String, Optional<Map<String, String>>> out = new HashMap<>();
        unchecked(() -> tiles.parametersMapping(layerName, configuredLayerId(layerName)))
                .forEach((id, parameters) -> out.put(id, Optional.of(parameters)));
        return out;
    }

    /**
     * Deletes the cached parameter combinations the layer can no longer produce: those whose keys differ from the
     * layer's filters, or that some filter rejects. A combination every current filter accepts is kept (GWC 1.26's
     * default implementation deletes it unless all filters reject it).
     */
    @Override
    public boolean purgeOrphans(TileLayer layer) throws StorageException {
        List<ParameterFilter> filters = layer.getParameterFilters() == null ? List.of() : layer.getParameterFilters();
        boolean purged = false;
        for (Map.Entry<String, Optional<Map<String, String>>> e :
                getParametersMapping(layer.getName()).entrySet()) {
            Map<String, String> parameters = e.getValue().orElse(null);
            if (parameters == null || isOrphan(parameters, filters)) {
                purged |= deleteByParametersId(layer.getName(), e.getKey());
            }
        }
        return purged;
    }

    static boolean isOrphan(Map<String, String> parameters, List<ParameterFilter> filters) {
        if (parameters.size() != filters.size()) {
            return true;
        }
        for (ParameterFilter filter : filters) {
            String value = parameters.get(filter.getKey());
            if (value == null || !filter.isFilteredValue(value)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- store

    @Override
    public void clear() throws StorageException {
        storage(() -> {
            tiles.clear();
            return null;
        });
        nodeEvents.allTilesDeleted();
    }

    @Override
    public void destroy() {
        LiveRedisBlobStores.unregister(this);
        nodeEvents.close();
        tiles.close();
    }

    @Override
    public void addListener(BlobStoreListener listener) {
        listeners.addListener(listener);
    }

    @Override
    public boolean removeListener(BlobStoreListener listener) {
        return listeners.removeListener(listener);
    }

    // ---------------------------------------------------------------- helpers

    private TileLocation location(TileObject obj) {
        String parametersId = parametersId(obj.getParametersId(), obj.getParameters());
        obj.setParametersId(parametersId);
        long[] xyz = obj.getXYZ();
        CacheId cache = new CacheId(layerId(obj.getLayerName()), obj.getGridSetId(), obj.getBlobFormat(), parametersId);
        return new TileLocation(cache, new TileIndex((int) xyz[2], xyz[0], xyz[1]));
    }

    private static String parametersId(String given, Map<String, String> parameters) {
        if (given != null) {
            return given;
        }
        return parameters == null || parameters.isEmpty() ? null : ParametersUtils.getId(parameters);
    }

    /** The id tiles are keyed by: the configured layer's id, else the one Redis recorded, else the name. */
    private String layerId(String layerName) {
        String configured = configuredLayerId(layerName);
        if (configured != null) {
            return configured;
        }
        try {
            return tiles.layerId(layerName).orElse(layerName);
        } catch (StoreUnavailableException e) {
            return layerName;
        }
    }

    /** The id of the layer GWC has configured under that name, or {@code null} (e.g. already removed). */
    private String configuredLayerId(String layerName) {
        try {
            TileLayer layer = layers.getTileLayer(layerName);
            String id = layer == null ? null : layer.getId();
            return id == null || id.isEmpty() ? layerName : id;
        } catch (GeoWebCacheException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] bytesOf(Resource blob) throws StorageException {
        if (blob == null) {
            throw new StorageException("Tile without content");
        }
        if (blob instanceof ByteArrayResource bytes) {
            byte[] contents = bytes.getContents();
            return contents == null ? new byte[0] : contents;
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, blob.getSize()))) {
            blob.transferTo(Channels.newChannel(out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new StorageException("Could not read the tile's content: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T call() throws StorageException;
    }

    private <T> T storage(StoreCall<T> call) throws StorageException {
        try {
            return call.call();
        } catch (StoreUnavailableException e) {
            throw new StorageException("Redis blob store '" + name + "': " + e.getMessage(), e);
        }
    }

    /** For the methods GWC declares without {@link StorageException}. */
    private <T> T unchecked(StoreCall<T> call) {
        try {
            return storage(call);
        } catch (StorageException e) {
            LOG.log(Level.WARNING, e.getMessage(), e);
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RedisBlobStore[" + name + ", " + tiles.config() + "]";
    }
}
