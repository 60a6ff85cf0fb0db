package org.gsweather.redis;

import java.util.List;

/**
 * The answer to a tile-range delete. Small ranges are deleted at once and {@code deletedNow} lists the tiles that
 * existed; large ranges are deleted logically at once (readers no longer see them) and physically by background job
 * {@code jobId}, whose tiles reach the {@link DeletionListener}s as they are removed.
 */
public record RangeDeletion(List<DeletedTile> deletedNow, String jobId) {
    public boolean scheduled() {
        return jobId != null;
    }
}
