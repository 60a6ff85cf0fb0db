package org.gsweather.codec.jpeg2000;

import org.gsweather.codec.SampleSink;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;

/**
 * Decodes a JPEG 2000 code stream (ISO/IEC 15444-1, without JP2 boxes) of one component into its
 * unsigned samples: with our own decoder, or with JJ2000 (jai-imageio) for the few streams that use
 * what ours leaves out (several components, ROI shifts, progression order changes, packed packet
 * headers, Part 2 or Part 15 streams).
 */
public final class Jpeg2000Decoder {
    private Jpeg2000Decoder() {}

    /**
     * The {@code count} samples of the image in {@code stream}, row by row.
     *
     * @throws DataFormatException when the stream is malformed or its image does not have {@code count}
     *     samples
     */
    public static int[] decode(byte[] stream, int count) throws DataFormatException {
        int[] image = new int[count];
        decode(stream, count, SampleSink.into(image), DecodePool.sequential());
        return image;
    }

    /**
     * The {@code count} samples of the image in {@code stream}, a row of a tile at a time into {@code
     * sink}, decoded with the help of {@code pool} (our decoder's code-blocks, wavelet and level shift;
     * JJ2000 decodes on the calling thread).
     *
     * @throws DataFormatException when the stream is malformed or its image does not have {@code count}
     *     samples
     */
    public static void decode(byte[] stream, int count, SampleSink sink, DecodePool pool) throws DataFormatException {
        try {
            J2kDecoder.decode(stream, count, sink, pool);
        } catch (J2kUnsupportedException e) {
            int[] samples = Jj2000Decoder.decode(stream, count);
            sink.accept(samples, count, 0, 1);
        }
    }
}
