package org.gsweather.redis;

import java.nio.charset.StandardCharsets;

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
        if (value == null || value.length < HEADER_LENGTH || value[0] != 'T' || value[1] != '1') {
            return null;
        }
        try {
            long created = Long.parseLong(new String(value, 16, 14, StandardCharsets.US_ASCII), 16);
            return new StoredTile(value, HEADER_LENGTH, value.length - HEADER_LENGTH, created);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
