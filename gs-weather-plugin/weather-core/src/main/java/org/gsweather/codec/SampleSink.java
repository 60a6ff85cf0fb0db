package org.gsweather.codec;

/**
 * Where an image codec puts the integer samples it decodes, a run of pixels (usually a row) at a time.
 * The format that embeds the image turns them into values.
 */
@FunctionalInterface
public interface SampleSink {
    /**
     * The samples {@code samples[0..count)} of the pixels {@code first, first + step, ...}, pixels
     * numbered {@code y * width + x}; unsigned (a 32-bit sample fills all 32 bits). The array is reused
     * once the call returns. A codec decoding with several threads calls this from all of them, for
     * different pixels.
     */
    void accept(int[] samples, int count, int first, int step);

    /** A sink that stores the samples into {@code image}, pixel p at {@code image[p]}. */
    static SampleSink into(int[] image) {
        return (samples, count, first, step) -> {
            if (step == 1) {
                System.arraycopy(samples, 0, image, first, count);
            } else {
                for (int k = 0, p = first; k < count; k++, p += step) {
                    image[p] = samples[k];
                }
            }
        };
    }
}
