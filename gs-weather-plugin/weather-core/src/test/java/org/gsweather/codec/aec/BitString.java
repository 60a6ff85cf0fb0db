package org.gsweather.codec.aec;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Big-endian bit strings for hand-made CCSDS streams. */
final class BitString {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    BitString put(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            current = current << 1 | (int) (value >>> i & 1);
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }
        return this;
    }

    /** A fundamental sequence: {@code n} zeros and a one. */
    BitString fs(int n) {
        return put(0, n).put(1, 1);
    }

    ByteBuffer bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        if (used > 0) {
            copy.write(current << (8 - used));
        }
        return ByteBuffer.wrap(copy.toByteArray());
    }
}
