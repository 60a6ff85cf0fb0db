package org.gsweather.grib2;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.gsweather.field.DataFormatException;

/**
 * Template 5.40: grid point data, JPEG 2000 code stream compression. The code stream is decoded with
 * jai-imageio's JPEG 2000 reader (JJ2000), the samples then scaled like simple packing.
 */
record Jpeg2000Packing(Scaling scaling, int bits) implements DataRepresentation {
    private static final J2KImageReaderSpi SPI = new J2KImageReaderSpi();

    @Override
    public int template() {
        return 40;
    }

    @Override
    public void unpack(ByteBuffer data, int count, float[] out) throws DataFormatException {
        if (bits == 0) {
            java.util.Arrays.fill(out, 0, count, scaling.constant());
            return;
        }
        byte[] stream = new byte[data.remaining()];
        data.get(0, stream);
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
        int[] x = raster.getSamples(
                raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(), 0, (int[]) null);
        scaling.applyUnsigned(x, count, out, 0);
    }

    @Override
    public double halfStep() {
        return bits == 0 ? 0 : scaling.step() / 2;
    }

    @Override
    public String describe() {
        return "5.40 JPEG 2000, " + bits + " bits";
    }
}
