package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

class TileKeyBuilderTest {
    private final TileKeyBuilder keys = new TileKeyBuilder("gwc", 8);

    @Test
    void tileKeyNamesPrefixEncodedCacheShardAndIndex() {
        CacheId cache = new CacheId("LayerInfoImpl--5:a", "EPSG:4326", "image/png", null);

        assertThat(keys.tile(TileLocation.of(cache, 3, 5, 6)))
                .isEqualTo("gwc:t:{LayerInfoImpl%2D%2D5%3Aa:EPSG%3A4326:image%2Fpng:-:"
                        + keys.shardOf(new TileIndex(3, 5, 6)) + "}:3:5:6");
    }

    @Test
    void encodingRoundTripsAnyNameAndLeavesNoSeparatorOrGlobCharacter() {
        for (String name : new String[] {"a:b", "a/b", "{x}", "*?[]\\", "-", "é€😀", "%41", ""}) {
            String encoded = TileKeyBuilder.encode(name);
            assertThat(TileKeyBuilder.decode(encoded)).isEqualTo(name);
            assertThat(encoded).doesNotContain(":", "/", "{", "}", "*", "?", "[", "]", "\\", "-");
        }
    }

    @Test
    void tileItsShardStateAndFloorShareOneClusterSlot() {
        CacheId cache = new CacheId("l", "g", "image/png", "p");
        for (int x = 0; x < 100; x++) {
            TileLocation at = TileLocation.of(cache, 7, x, 3 * x);
            String tile = keys.tile(at);
            assertThat(JedisClusterCRC16.getSlot(tile)).isEqualTo(JedisClusterCRC16.getSlot(keys.shardState(at)));
            assertThat(JedisClusterCRC16.getSlot(tile)).isEqualTo(JedisClusterCRC16.getSlot(keys.shardFloor(at)));
            assertThat(keys.shardStateOfTileKey(tile)).isEqualTo(keys.shardState(at));
            assertThat(keys.shardFloorOfState(keys.shardState(at))).isEqualTo(keys.shardFloor(at));
        }
    }

    @Test
    void tilesOfACacheSpreadOverAllShardsAndBlocksStayTogether() {
        CacheId cache = new CacheId("l", "g", "image/png", null);
        Set<Integer> shards = new HashSet<>();
        for (int bx = 0; bx < 16; bx++) {
            for (int by = 0; by < 16; by++) {
                shards.add(keys.shardOf(new TileIndex(10, bx * 16L, by * 16L)));
            }
        }
        assertThat(shards).hasSize(8);
        assertThat(keys.shardOf(new TileIndex(10, 32, 48))).isEqualTo(keys.shardOf(new TileIndex(10, 47, 63)));
    }

    @Test
    void parsesOnlyItsOwnTileKeys() {
        CacheId cache = new CacheId("a:b", "c/d", "image/png", "{p}");
        TileLocation at = TileLocation.of(cache, 20, 1_000_000, 2_000_000);

        assertThat(keys.parseTileKey(keys.tile(at))).isEqualTo(at);
        assertThat(keys.parseTileKey(keys.shardState(at))).isNull();
        assertThat(new TileKeyBuilder("other", 8).parseTileKey(keys.tile(at))).isNull();
        assertThat(keys.parseTileKey("gwc:t:{a:b}:1:2:3")).isNull();
    }

    @Test
    void scanPatternsMatchTheirTilesOnly() {
        CacheId p1 = new CacheId("L", "G", "image/png", "P1");
        String key = keys.tile(TileLocation.of(p1, 4, 1, 1));

        assertThat(glob(keys.tilesOfLayer("L"), key)).isTrue();
        assertThat(glob(keys.tilesOfLayer("L2"), key)).isFalse();
        assertThat(glob(keys.tilesOfGridset("L", "G"), key)).isTrue();
        assertThat(glob(keys.tilesOfGridset("L", "G2"), key)).isFalse();
        assertThat(glob(keys.tilesOfParameters("L", "P1"), key)).isTrue();
        assertThat(glob(keys.tilesOfParameters("L", "P2"), key)).isFalse();
        assertThat(glob(keys.tilesOfCacheAtZoom(p1, 4), key)).isTrue();
        assertThat(glob(keys.tilesOfCacheAtZoom(p1, 5), key)).isFalse();
    }

    /** Redis' glob for the patterns this builder makes ('*' only, no escapes needed). */
    private static boolean glob(String pattern, String key) {
        String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return key.matches(regex);
    }
}
