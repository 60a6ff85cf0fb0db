package org.gsweather.loadtest.scenario;

import java.util.Locale;

/** How tiles are requested. */
public enum Service {
    /** WMTS 1.0.0 GetTile, key-value pairs. */
    WMTS("wmts"),
    /** WMTS 1.0.0 GetTile, RESTful templates from the capabilities' ResourceURL. */
    WMTS_REST("wmts-rest"),
    /** WMS 1.3.0 GetMap of 256x256 tiles on a WebMercatorQuad (or WorldCRS84Quad) grid, as tiled web clients do. */
    WMS("wms");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Service of(String text, String what) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        for (Service v : values()) {
            if (v.label.equals(s)) {
                return v;
            }
        }
        throw new ScenarioException(what + ": service '" + text + "' is not one of wmts, wmts-rest, wms");
    }
}
