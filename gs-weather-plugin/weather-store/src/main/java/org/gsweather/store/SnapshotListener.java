package org.gsweather.store;

/** Told when a store publishes a new state: files arrived, changed, left or aged out (see {@link CoverageChange}). */
@FunctionalInterface
public interface SnapshotListener {
    /**
     * @param before the state requests saw until now
     * @param after the state they see from now on
     */
    void snapshotChanged(WeatherStore store, StoreSnapshot before, StoreSnapshot after);
}
