package org.gsweather.redis;

import java.util.Objects;

/**
 * One tile cache: the tiles of a layer in one gridset, one format and one set of parameter values.
 *
 * @param layerId the layer's stable id (GWC's {@code TileLayer.getId()}), never its name, so that a rename does not
 *     move any tile
 * @param gridsetId the gridset name
 * @param format the blob format (GWC's {@code MimeType.getFormat()}, e.g. {@code image/png})
 * @param parametersId GWC's parameters id, or {@code null} when the layer has no parameter filters
 */
public record CacheId(String layerId, String gridsetId, String format, String parametersId) {
    public CacheId {
        requireNonEmpty(layerId, "layerId");
        requireNonEmpty(gridsetId, "gridsetId");
        requireNonEmpty(format, "format");
        if (parametersId != null && parametersId.isEmpty()) {
            parametersId = null;
        }
    }

    static void requireNonEmpty(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
