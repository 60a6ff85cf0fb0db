package org.gsweather.redis;

/** What a key prefix holds before a store starts on it (GWC's blob store suitability check). */
public enum PrefixContents {
    /** No key of the prefix. */
    EMPTY,
    /** A tile store's marker: the prefix already belongs to a tile store. */
    TILE_STORE,
    /** Keys of the prefix but no tile store marker: something else uses it. */
    FOREIGN_KEYS
}
