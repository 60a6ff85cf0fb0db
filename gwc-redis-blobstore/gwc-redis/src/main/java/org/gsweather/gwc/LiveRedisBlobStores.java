package org.gsweather.gwc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Redis blob stores GWC has running in this JVM (GWC creates them itself, outside Spring), for the status page. */
final class LiveRedisBlobStores {
    private static final List<RedisBlobStore> STORES = new CopyOnWriteArrayList<>();

    private LiveRedisBlobStores() {}

    static void register(RedisBlobStore store) {
        STORES.add(store);
    }

    static void unregister(RedisBlobStore store) {
        STORES.remove(store);
    }

    static List<RedisBlobStore> all() {
        return List.copyOf(STORES);
    }
}
