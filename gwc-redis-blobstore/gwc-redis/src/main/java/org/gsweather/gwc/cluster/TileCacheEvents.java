package org.gsweather.gwc.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gsweather.redis.NodeChannel;

/**
 * Keeps the in-memory tile caches of the nodes sharing a Redis blob store in step with it. GeoServer can put GWC's
 * memory blob store in front of every blob store ({@code gwc-gs.xml}, innerCachingEnabled); a node drops its
 * in-memory copies when it deletes tiles itself, but never hears of deletes made by another node. So each node says
 * on the store's {@link NodeChannel} which layer's tiles it deleted or rewrote, and the others drop that layer from
 * their memory cache (GWC's memory cache can only drop whole layers). A lost subscription drops everything.
 *
 * <p>Deletes are told at once. Rewrites (a tile stored again with new content, e.g. by a reseed) are told at most
 * once per layer per {@link #REWRITE_WINDOW_MILLIS}, after the window, so that a reseed does not empty the other
 * nodes' memory caches once per tile.
 */
public final class TileCacheEvents implements NodeChannel.Listener, AutoCloseable {
    static final String TILES_DELETED = "tiles";
    static final String ALL_TILES_DELETED = "tiles-all";
    static final long REWRITE_WINDOW_MILLIS = 500;

    private static final ScheduledExecutorService COALESCER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gsweather-tile-events");
        t.setDaemon(true);
        return t;
    });

    private final NodeChannel channel;
    private final Consumer<String> evictLayer;
    private final Runnable evictAll;
    private final Set<String> rewritesPending = ConcurrentHashMap.newKeySet();

    /**
     * @param evictLayer drops one layer (by name) from this node's memory caches
     * @param evictAll drops everything from them
     */
    public TileCacheEvents(NodeChannel channel, Consumer<String> evictLayer, Runnable evictAll) {
        this.channel = channel;
        this.evictLayer = evictLayer;
        this.evictAll = evictAll;
        channel.addListener(this);
    }

    /** This node deleted tiles of {@code layerName} (any number, any range). */
    public void tilesDeleted(String layerName) {
        channel.publish(TILES_DELETED, layerName);
    }

    /** This node deleted every tile of the store. */
    public void allTilesDeleted() {
        channel.publish(ALL_TILES_DELETED, "");
    }

    /** This node stored a tile of {@code layerName} over an existing one. */
    public void tileRewritten(String layerName) {
        if (rewritesPending.add(layerName)) {
            COALESCER.schedule(
                    () -> {
                        rewritesPending.remove(layerName);
                        channel.publish(TILES_DELETED, layerName);
                    },
                    REWRITE_WINDOW_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onMessage(NodeChannel.Message message) {
        switch (message.kind()) {
            case TILES_DELETED -> evictLayer.accept(message.payload());
            case ALL_TILES_DELETED -> evictAll.run();
            default -> {
                // other kinds are for other listeners
            }
        }
    }

    @Override
    public void onGap() {
        evictAll.run();
    }

    @Override
    public void close() {
        channel.removeListener(this);
    }
}
