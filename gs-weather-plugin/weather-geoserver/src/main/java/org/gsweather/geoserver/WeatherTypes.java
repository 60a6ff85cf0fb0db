package org.gsweather.geoserver;

import org.gsweather.store.FileFormat;

/** The store type names GeoServer keeps in its catalog, and the format of each. */
final class WeatherTypes {
    private WeatherTypes() {}

    /** The format of a store type, or null when the type is not a weather store's. */
    static FileFormat of(String type) {
        for (FileFormat f : FileFormat.values()) {
            if (WeatherFormat.name(f).equals(type)) {
                return f;
            }
        }
        return null;
    }
}
