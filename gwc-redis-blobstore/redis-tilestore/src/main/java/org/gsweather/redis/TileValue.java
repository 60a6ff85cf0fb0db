package org.gsweather.redis;

/**
 * The stored form of a tile: a 30-byte ASCII header {@code T1<generation:14 hex><created millis:14 hex>} then the
 * tile bytes. The generation is written by the put script and compared with the shard state on every read; a value
 * without a valid header is never served.
 */
final class TileValue {
    static final int HEADER_LENGTH = 30;

    private TileValue() {}

    static String createdField(long createdMillis) {
        String hex = Long.toHexString(createdMillis);
        return "0".repeat(Math.max(0, 14 - hex.length())) + hex;
    }

    /** The tile in {@code value}, or {@code null} when the value is not one this store wrote. */
    static StoredTile parse(byte[] value) {
        if (generation(value) < 0) {
            return null;
        }
        long created = hex(value, 16);
        return created < 0 ? null : new StoredTile(value, HEADER_LENGTH, value.length - HEADER_LENGTH, created);
    }

    /** The generation the tile was written in, or -1 when the value is not one this store wrote. */
    static long generation(byte[] value) {
        if (value == null || value.length < HEADER_LENGTH || value[0] != 'T' || value[1] != '1') {
            return -1;
        }
        return hex(value, 2);
    }

    private static long hex(byte[] value, int from) {
        long n = 0;
        for (int i = from; i < from + 14; i++) {
            int d = Character.digit(value[i], 16);
            if (d < 0) {
                return -1;
            }
            n = (n << 4) | d;
        }
        return n;
    }
}
