package org.gsweather.codec.jpeg2000;

import org.gsweather.field.DataFormatException;

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
        try {
            return J2kDecoder.decode(stream, count);
        } catch (J2kUnsupportedException e) {
            return Jj2000Decoder.decode(stream, count);
        }
    }
}
