package org.gsweather.redis;

/**
 * What a put did, so that a GWC adapter can send the right event with the right sizes.
 *
 * <ul>
 *   <li>{@link Kind#STORED}: a new tile ({@code tileStored}).
 *   <li>{@link Kind#REPLACED}: a live tile of {@code oldSize} bytes was overwritten ({@code tileUpdated}).
 *   <li>{@link Kind#REPLACED_DELETED}: the key held a tile already deleted by a pending tile-range delete; the
 *       background deleter will not see it any more, so the adapter reports its deletion ({@code tileDeleted} with
 *       {@code oldSize}) before the new tile ({@code tileStored}).
 *   <li>{@link Kind#DROPPED}: Redis was unavailable and nothing was written.
 * </ul>
 */
public record PutOutcome(Kind kind, long newSize, long oldSize) {
    public enum Kind {
        STORED,
        REPLACED,
        REPLACED_DELETED,
        DROPPED
    }

    static PutOutcome dropped(long newSize) {
        return new PutOutcome(Kind.DROPPED, newSize, 0);
    }
}
