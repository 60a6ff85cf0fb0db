package org.gsweather.redis;

/** A tile that was physically removed, with the payload size it freed (for {@code tileDeleted} events). */
public record DeletedTile(TileLocation location, long size) {}
