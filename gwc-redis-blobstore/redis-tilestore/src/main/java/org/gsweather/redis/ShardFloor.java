package org.gsweather.redis;

/**
 * What a tile read checks, kept by the scripts that change a shard state in a plain string beside it ({@code
 * P:f:{tag}}, same slot), so that a read is one MGET of tile and floor and no script. The text is the state's floor
 * generation in decimal, then {@code ,z} for each zoom level with pending range tombstones: {@code 7}, {@code
 * 7,12,13}. A tile older than the floor is dead; at a listed zoom level only the tombstones themselves can tell, and
 * the read asks {@code get_tile.lua}.
 */
final class ShardFloor {
    private ShardFloor() {}

    /** The floor generation, or -1 when {@code floor} is not a floor. */
    static long generation(byte[] floor) {
        long g = 0;
        int i = 0;
        for (; i < floor.length && floor[i] != ','; i++) {
            int d = floor[i] - '0';
            if (d < 0 || d > 9 || i >= 18) {
                return -1;
            }
            g = g * 10 + d;
        }
        return i == 0 ? -1 : g;
    }

    /** Whether range tombstones may be pending at zoom level {@code z} (also when the list cannot be read). */
    static boolean listsZoom(byte[] floor, int z) {
        int i = 0;
        while (i < floor.length && floor[i] != ',') {
            i++;
        }
        while (i < floor.length) {
            i++; // the comma
            long listed = 0;
            int start = i;
            for (; i < floor.length && floor[i] != ','; i++) {
                int d = floor[i] - '0';
                if (d < 0 || d > 9 || i - start >= 9) {
                    return true;
                }
                listed = listed * 10 + d;
            }
            if (i == start || listed == z) {
                return true;
            }
        }
        return false;
    }
}
