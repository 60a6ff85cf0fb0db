package org.gsweather.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds every Redis key of the store, and parses tile keys back. The scheme is documented in
 * {@code docs/redis-key-scheme.md}; in short:
 *
 * <pre>
 * P:t:{L:G:F:Q:s}:z:x:y    tile bytes (with a header, see TileValue)
 * P:s:{L:G:F:Q:s}          shard state: generation, floor, range tombstones, counters
 * P:f:{L:G:F:Q:s}          shard floor: what a tile read checks, mirrored from the state (see ShardFloor)
 * P:l:{L}:caches           hash "G:F:Q" -> 1, the caches a layer has ever written
 * P:l:{L}:params           hash parameters id -> encoded parameters
 * P:l:{L}:meta             hash layer metadata key -> value
 * P:layers                 hash layer name -> layer id
 * P:jobs                   hash job id -> pending bulk delete
 * P:job:{id}:lease         which process runs a job
 * P:store                  marker: this prefix belongs to a tile store
 * </pre>
 *
 * P is the configured prefix, L/G/F/Q the encoded layer id, gridset, format and parameters id ("-" for none), s the
 * shard (0..shardsPerCache-1) chosen from the tile's 16x16 block. Components are percent-encoded so they contain
 * none of {@code : / { } * ? [ ] \}: keys are unambiguous, hash tags cannot be broken by a name, and SCAN patterns
 * built from them need no escaping.
 */
public final class TileKeyBuilder {
    private static final String NO_PARAMETERS = "-";
    private static final int BLOCK_SHIFT = 4;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String prefix;
    private final int shards;

    public TileKeyBuilder(String prefix, int shards) {
        this.prefix = prefix;
        this.shards = shards;
    }

    public int shards() {
        return shards;
    }

    public String prefix() {
        return prefix;
    }

    /** The shard of a tile; tiles of one 16x16 block share it. */
    public int shardOf(TileIndex index) {
        long h = index.z() * 0x9E3779B97F4A7C15L;
        h ^= (index.x() >>> BLOCK_SHIFT) * 0xC2B2AE3D27D4EB4FL;
        h ^= (index.y() >>> BLOCK_SHIFT) * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        return (int) Long.remainderUnsigned(h, shards);
    }

    public String tile(TileLocation location) {
        TileIndex i = location.index();
        return prefix + ":t:{" + cacheTag(location.cache()) + ':' + shardOf(i) + "}:" + i.z() + ':' + i.x() + ':'
                + i.y();
    }

    public String shardState(TileLocation location) {
        return shardState(location.cache(), shardOf(location.index()));
    }

    public String shardState(CacheId cache, int shard) {
        return prefix + ":s:{" + cacheTag(cache) + ':' + shard + '}';
    }

    /** The shard's floor key (see {@link ShardFloor}); same hash tag as its tiles and state, so same slot. */
    public String shardFloor(TileLocation location) {
        return shardFloor(location.cache(), shardOf(location.index()));
    }

    public String shardFloor(CacheId cache, int shard) {
        return prefix + ":f:{" + cacheTag(cache) + ':' + shard + '}';
    }

    /** The floor key of a shard state key. */
    public String shardFloorOfState(String stateKey) {
        int open = stateKey.indexOf(":s:{");
        if (open < 0) {
            throw new IllegalArgumentException("not a shard state key: " + stateKey);
        }
        return stateKey.substring(0, open) + ":f:" + stateKey.substring(open + 3);
    }

    /** The shard state key that guards a scanned tile key (same hash tag, so same slot). */
    public String shardStateOfTileKey(String tileKey) {
        int open = tileKey.indexOf(":t:{");
        int close = tileKey.indexOf('}', open);
        if (open < 0 || close < 0) {
            throw new IllegalArgumentException("not a tile key: " + tileKey);
        }
        return tileKey.substring(0, open) + ":s:" + tileKey.substring(open + 3, close + 1);
    }

    public String layerCaches(String layerId) {
        return prefix + ":l:{" + encode(layerId) + "}:caches";
    }

    public String layerParameters(String layerId) {
        return prefix + ":l:{" + encode(layerId) + "}:params";
    }

    public String layerMetadata(String layerId) {
        return prefix + ":l:{" + encode(layerId) + "}:meta";
    }

    public String layers() {
        return prefix + ":layers";
    }

    public String jobs() {
        return prefix + ":jobs";
    }

    public String jobLease(String jobId) {
        return prefix + ":job:{" + encode(jobId) + "}:lease";
    }

    public String storeMarker() {
        return prefix + ":store";
    }

    /** The pub/sub channel of the nodes sharing the store ({@link NodeChannel}). */
    public String nodeChannel() {
        return prefix + ":nodes";
    }

    public String invalidationChannel() {
        return prefix + ":invalidate";
    }

    /** The field of {@link #layerCaches} naming a cache of that layer. */
    public String cacheField(CacheId cache) {
        return encode(cache.gridsetId())
                + ':'
                + encode(cache.format())
                + ':'
                + encodeParametersId(cache.parametersId());
    }

    public CacheId cacheFromField(String layerId, String field) {
        String[] parts = field.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a cache field: " + field);
        }
        return new CacheId(layerId, decode(parts[0]), decode(parts[1]), decodeParametersId(parts[2]));
    }

    /** SCAN pattern of every tile of a layer. */
    public String tilesOfLayer(String layerId) {
        return prefix + ":t:{" + encode(layerId) + ":*";
    }

    public String tilesOfGridset(String layerId, String gridsetId) {
        return prefix + ":t:{" + encode(layerId) + ':' + encode(gridsetId) + ":*";
    }

    public String tilesOfParameters(String layerId, String parametersId) {
        return prefix + ":t:{" + encode(layerId) + ":*:*:" + encodeParametersId(parametersId) + ":*";
    }

    public String tilesOfCache(CacheId cache) {
        return prefix + ":t:{" + cacheTag(cache) + ":*";
    }

    public String tilesOfCacheAtZoom(CacheId cache, int z) {
        return prefix + ":t:{" + cacheTag(cache) + ":*}:" + z + ":*";
    }

    /** SCAN pattern of every key of the store. */
    public String everything() {
        return prefix + ":*";
    }

    /** Parses a tile key; {@code null} when the key is not a tile key of this prefix. */
    public TileLocation parseTileKey(String key) {
        String head = prefix + ":t:{";
        if (!key.startsWith(head)) {
            return null;
        }
        int close = key.indexOf('}', head.length());
        if (close < 0) {
            return null;
        }
        String[] tag = key.substring(head.length(), close).split(":", -1);
        String[] zxy = key.substring(close + 1).split(":", -1);
        if (tag.length != 5 || zxy.length != 4 || !zxy[0].isEmpty()) {
            return null;
        }
        try {
            CacheId cache = new CacheId(decode(tag[0]), decode(tag[1]), decode(tag[2]), decodeParametersId(tag[3]));
            return TileLocation.of(cache, Integer.parseInt(zxy[1]), Long.parseLong(zxy[2]), Long.parseLong(zxy[3]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The encoded cache components, built once per cache: every tile read needs them twice. */
    private static String cacheTag(CacheId cache) {
        return CACHE_TAGS.get(cache, TileKeyBuilder::encodeCacheTag);
    }

    private static final Cache<CacheId, String> CACHE_TAGS =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private static String encodeCacheTag(CacheId cache) {
        return encode(cache.layerId())
                + ':'
                + encode(cache.gridsetId())
                + ':'
                + encode(cache.format())
                + ':'
                + encodeParametersId(cache.parametersId());
    }

    private static String encodeParametersId(String parametersId) {
        return parametersId == null ? NO_PARAMETERS : encode(parametersId);
    }

    private static String decodeParametersId(String encoded) {
        return NO_PARAMETERS.equals(encoded) ? null : decode(encoded);
    }

    /** Percent-encodes everything but {@code A-Z a-z 0-9 . _ ~} (UTF-8). */
    static String encode(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
            for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated escape in " + s);
                }
                bytes.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
