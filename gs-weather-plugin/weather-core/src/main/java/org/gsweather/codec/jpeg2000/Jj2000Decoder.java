package org.gsweather.codec.jpeg2000;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.gsweather.field.DataFormatException;

/** JPEG 2000 decoding with jai-imageio's reader (JJ2000), for code streams {@link J2kDecoder} leaves. */
final class Jj2000Decoder {
    private static final J2KImageReaderSpi SPI = new J2KImageReaderSpi();

    private Jj2000Decoder() {}

    /** The samples of the first component of the image in {@code stream}, which must have {@code count}. */
    static int[] decode(byte[] stream, int count) throws DataFormatException {
        Raster raster;
        J2KImageReader reader = new J2KImageReader(SPI);
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(in);
            raster = reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException("JPEG 2000 code stream cannot be decoded: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
        long pixels = (long) raster.getWidth() * raster.getHeight();
        if (pixels != count) {
            throw new DataFormatException("JPEG 2000 image of " + raster.getWidth() + "x" + raster.getHeight()
                    + " samples for " + count + " packed values");
        }
        return raster.getSamples(
                raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(), 0, (int[]) null);
    }
}
