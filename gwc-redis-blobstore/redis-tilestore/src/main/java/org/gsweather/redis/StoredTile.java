package org.gsweather.redis;

import java.util.Arrays;

/**
 * A tile read from the store. The bytes are a window of {@code buffer} (the stored value after its header), handed
 * out without copying: callers must not modify the buffer.
 */
public record StoredTile(byte[] buffer, int offset, int length, long createdMillis) {
    public byte[] bytes() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }
}
