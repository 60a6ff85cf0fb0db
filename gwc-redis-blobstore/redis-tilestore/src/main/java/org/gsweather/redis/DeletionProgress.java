package org.gsweather.redis;

/** Where a pending bulk delete stands (as recorded in Redis, so any node can tell). */
public record DeletionProgress(
        String jobId,
        DeletionJob.Kind kind,
        String layerName,
        long keysScanned,
        long tilesDeleted,
        long bytesDeleted) {}
