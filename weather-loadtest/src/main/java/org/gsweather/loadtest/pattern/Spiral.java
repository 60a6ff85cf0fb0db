package org.gsweather.loadtest.pattern;

/**
 * Square rings around a centre tile: rank 0 is the centre, ranks 1-8 the ring around it, 9-24 the next ring, and so
 * on. Zipf ranks mapped through it make the centre of a hot spot hottest and heat fall off with distance.
 */
final class Spiral {
    private Spiral() {}

    /** The (column, row) offset from the centre of the tile of this rank. */
    static long[] offset(long rank) {
        if (rank <= 0) {
            return new long[] {0, 0};
        }
        long k = (long) Math.ceil((Math.sqrt(rank + 1.0) - 1) / 2);
        while ((2 * k + 1) * (2 * k + 1) <= rank) {
            k++;
        }
        while (k > 1 && (2 * k - 1) * (2 * k - 1) > rank) {
            k--;
        }
        long p = rank - (2 * k - 1) * (2 * k - 1);
        long side = p / (2 * k);
        long t = p % (2 * k);
        return switch ((int) side) {
            case 0 -> new long[] {-k + t, -k};
            case 1 -> new long[] {k, -k + t};
            case 2 -> new long[] {k - t, k};
            default -> new long[] {-k, k - t};
        };
    }
}
