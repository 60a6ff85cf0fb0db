package org.gsweather.gwc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Redis blob stores GWC has running in this JVM (GWC creates them itself, outside Spring), for the status page. */
public final class LiveRedisBlobStores {
    private static final List<RedisBlobStore> STORES = new CopyOnWriteArrayList<>();

    private LiveRedisBlobStores() {}

    static void register(RedisBlobStore store) {
        STORES.add(store);
    }

    static void unregister(RedisBlobStore store) {
        STORES.remove(store);
    }

    public static List<RedisBlobStore> all() {
        return List.copyOf(STORES);
    }

    /**
     * The store that speaks for this node to the others (node channel, locks): GWC's default blob store when it is a
     * Redis one, else the first Redis blob store started; empty when there is none.
     */
    public static java.util.Optional<RedisBlobStore> primary() {
        List<RedisBlobStore> all = all();
        return all.stream()
                .filter(RedisBlobStore::isDefault)
                .findFirst()
                .or(() -> all.stream().findFirst());
    }
}
