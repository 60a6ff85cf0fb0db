package org.gsweather.codec.jpeg2000;

import java.util.Arrays;
import org.gsweather.field.DataFormatException;

/** A tag tree (ISO/IEC 15444-1 B.10.2) over a grid of code-blocks, decoded from a packet header. */
final class TagTree {
    private static final int UNKNOWN = Integer.MAX_VALUE;

    private final int[] parent;
    private final int[] value;
    private final int[] low;
    private final int[] path = new int[32];

    TagTree(int width, int height) {
        int nodes = 0;
        for (int w = width, h = height; ; w = (w + 1) >> 1, h = (h + 1) >> 1) {
            nodes += w * h;
            if (w == 1 && h == 1) {
                break;
            }
        }
        parent = new int[nodes];
        value = new int[nodes];
        low = new int[nodes];
        Arrays.fill(value, UNKNOWN);
        int start = 0;
        for (int w = width, h = height; w > 1 || h > 1; ) {
            int pw = (w + 1) >> 1;
            int ph = (h + 1) >> 1;
            int next = start + w * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    parent[start + y * w + x] = next + (y >> 1) * pw + (x >> 1);
                }
            }
            start = next;
            w = pw;
            h = ph;
        }
        parent[nodes - 1] = -1;
    }

    /** Whether the value of leaf {@code leaf} is below {@code threshold}, reading what it takes. */
    boolean below(PacketReader bits, int leaf, int threshold) throws DataFormatException {
        int depth = 0;
        for (int n = leaf; n >= 0; n = parent[n]) {
            path[depth++] = n;
        }
        int l = 0;
        while (--depth >= 0) {
            int n = path[depth];
            if (l < low[n]) {
                l = low[n];
            }
            while (l < threshold && l < value[n]) {
                if (bits.bit() != 0) {
                    value[n] = l;
                } else {
                    l++;
                }
            }
            low[n] = l;
        }
        return value[leaf] < threshold;
    }

    /** The whole value of leaf {@code leaf}, known to be at most {@code max}. */
    int value(PacketReader bits, int leaf, int max) throws DataFormatException {
        for (int t = 1; t <= max + 1; t++) {
            if (below(bits, leaf, t)) {
                return value[leaf];
            }
        }
        throw new DataFormatException("JPEG 2000 packet header: a tag tree value above " + max);
    }
}
