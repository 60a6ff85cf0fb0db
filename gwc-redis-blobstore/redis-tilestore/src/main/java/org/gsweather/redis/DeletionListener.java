package org.gsweather.redis;

import java.util.List;

/**
 * Hears about tiles physically removed by background tile-range deletes, with their sizes (GWC's {@code
 * tileDeleted}). Called from the deleter thread of whichever node runs the job; must not block.
 */
@FunctionalInterface
public interface DeletionListener {
    void tilesDeleted(String layerName, List<DeletedTile> tiles);
}
