package org.gsweather.loadtest.capabilities;

import java.util.List;
import org.gsweather.loadtest.tiles.LonLatBox;

/**
 * A named layer of a WMS 1.3.0 capabilities document, with what it inherits from its parents (WMS 1.3.0, 06-042,
 * section 7.2.4.8: styles and CRSs add up, the geographic box and dimensions are replaced).
 *
 * @param extent the EX_GeographicBoundingBox, or null when neither the layer nor a parent gives one
 */
public record WmsLayer(
        String name,
        String title,
        LonLatBox extent,
        List<String> styles,
        List<String> crs,
        List<Dimension> dimensions) {

    public WmsLayer {
        styles = List.copyOf(styles);
        crs = List.copyOf(crs);
        dimensions = List.copyOf(dimensions);
    }

    /** The default style: the first one listed, or "" (the server's default) when none are. */
    public String defaultStyle() {
        return styles.isEmpty() ? "" : styles.get(0);
    }
}
