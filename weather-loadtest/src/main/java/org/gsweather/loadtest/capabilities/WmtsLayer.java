package org.gsweather.loadtest.capabilities;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gsweather.loadtest.tiles.LonLatBox;
import org.gsweather.loadtest.tiles.TileRange;

/**
 * A layer of a WMTS 1.0.0 capabilities document.
 *
 * @param extent the WGS84BoundingBox, or null when the server gave none
 * @param tileMatrixSetLimits for each linked tile matrix set, its limits by tile matrix identifier (may be empty)
 * @param tileTemplates the REST ResourceURL templates of resource type "tile", by format
 */
public record WmtsLayer(
        String identifier,
        String title,
        LonLatBox extent,
        List<String> styles,
        String defaultStyle,
        List<String> formats,
        Map<String, Map<String, TileRange>> tileMatrixSetLimits,
        List<Dimension> dimensions,
        Map<String, String> tileTemplates) {

    public WmtsLayer {
        styles = List.copyOf(styles);
        formats = List.copyOf(formats);
        tileMatrixSetLimits = Collections.unmodifiableMap(new LinkedHashMap<>(tileMatrixSetLimits));
        dimensions = List.copyOf(dimensions);
        tileTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(tileTemplates));
    }
}
