package org.gsweather.codec.aec;

import java.util.SplittableRandom;

/**
 * Sample sequences that drive an adaptive entropy coder through all its options: constant runs (zero
 * blocks, short runs, runs to the end of a segment), near-constant stretches (second extension), smooth
 * and noisy signals (split samples at small and large k) and uniform noise over the full range (no
 * compression).
 */
final class Signals {
    private final int bits;
    private final boolean signed;
    private final boolean preprocessed;
    private final int blockSize;
    private final long min;
    private final long max;
    private final SplittableRandom random;

    /**
     * @param preprocessed whether the coder predicts (then constant runs of any value code as zero
     *     blocks) or codes the samples themselves (then only runs of zeros do)
     */
    Signals(int bits, boolean signed, boolean preprocessed, int blockSize, long seed) {
        this.bits = bits;
        this.signed = signed;
        this.preprocessed = preprocessed;
        this.blockSize = blockSize;
        min = signed ? -(1L << (bits - 1)) : 0;
        max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        random = new SplittableRandom(seed);
    }

    /** {@code n} samples of all kinds, in stretches of uneven lengths, ending with a constant run. */
    int[] mixed(int n) {
        int[] x = new int[n];
        long previous = clamp(Math.round(mid()));
        int i = 0;
        for (int kind = random.nextInt(5); i < n; kind = (kind + 1 + random.nextInt(2)) % 5) {
            int length = switch (kind) {
                case 0 -> constantRunLength();
                default -> 1 + random.nextInt(12 * blockSize);
            };
            if (i + length >= n || n - i - length < 3 * blockSize) {
                length = n - i;
                kind = 0;
            }
            long base = preprocessed ? previous : 0;
            double phase = random.nextDouble() * 6.28;
            double amplitude = (max - min) * (0.05 + 0.3 * random.nextDouble());
            double noise = Math.pow(2, bits * 0.7 * random.nextDouble());
            for (int end = i + length; i < end; i++) {
                long v = switch (kind) {
                    case 0 -> base;
                    case 1 -> random.nextInt(10) == 0 ? base + 1 - 2L * random.nextInt(2) : base;
                    case 2 -> Math.round(mid() + amplitude * Math.sin(phase + i / 97.0)) + random.nextInt(3) - 1;
                    case 3 -> Math.round(mid() + noise * random.nextGaussian());
                    default -> min + (long) (random.nextDouble() * (max - min + 1.0));
                };
                if (kind == 1 && !preprocessed && !signed) {
                    v = Math.abs(v);
                }
                previous = clamp(v);
                x[i] = (int) previous;
            }
        }
        return x;
    }

    /** Uniform noise over the whole range of the samples. */
    int[] uniform(int n) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (int) (min + (long) (random.nextDouble() * (max - min + 1.0)));
        }
        return x;
    }

    private int constantRunLength() {
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(5 * blockSize);
            case 1 -> (5 + random.nextInt(20)) * blockSize + random.nextInt(blockSize);
            default -> (64 + random.nextInt(140)) * blockSize + random.nextInt(blockSize);
        };
    }

    private double mid() {
        return (min + max) / 2.0;
    }

    private long clamp(long v) {
        return Math.max(min, Math.min(max, v));
    }
}
