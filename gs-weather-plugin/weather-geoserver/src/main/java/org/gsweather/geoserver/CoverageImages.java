package org.gsweather.geoserver;

import it.geosolutions.jaiext.range.NoDataContainer;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BandedSampleModel;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferFloat;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Map;
import org.geotools.coverage.GridSampleDimension;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.geometry.GeneralBounds;

/**
 * Sampled float bands as a GeoTools coverage: one 32-bit float band per array, NaN declared as no-data
 * ({@code GC_NODATA}), so that GeoServer's color maps and reprojection leave missing values transparent.
 */
final class CoverageImages {
    private CoverageImages() {}

    static GridCoverage2D create(
            GridCoverageFactory factory,
            String name,
            float[][] bands,
            String[] bandNames,
            int width,
            int height,
            GeneralBounds envelope) {
        DataBufferFloat buffer = new DataBufferFloat(bands, width * height);
        BandedSampleModel sm = new BandedSampleModel(DataBuffer.TYPE_FLOAT, width, height, bands.length);
        WritableRaster raster = Raster.createWritableRaster(sm, buffer, null);
        BufferedImage image = new BufferedImage(colorModel(bands.length), raster, false, null);
        GridSampleDimension[] dims = new GridSampleDimension[bands.length];
        for (int b = 0; b < bands.length; b++) {
            dims[b] = new GridSampleDimension(bandNames[b]);
        }
        Map<String, Object> properties = Map.of(NoDataContainer.GC_NODATA, new NoDataContainer(Double.NaN));
        return factory.create(name, image, envelope, dims, null, properties);
    }

    /** A float color model of n bands, none of them alpha (a wind's v band is data, not transparency). */
    static ColorModel colorModel(int bands) {
        ColorSpace space = bands == 1 ? ColorSpace.getInstance(ColorSpace.CS_GRAY) : new DataColorSpace(bands);
        return new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
    }

    /** A color space of n data components, shown as the gray of the first. */
    private static final class DataColorSpace extends ColorSpace {
        private static final long serialVersionUID = 1L;

        DataColorSpace(int components) {
            super(components == 2 ? TYPE_2CLR : TYPE_3CLR + components - 3, components);
        }

        @Override
        public float[] toRGB(float[] value) {
            return new float[] {value[0], value[0], value[0]};
        }

        @Override
        public float[] fromRGB(float[] rgb) {
            float[] v = new float[getNumComponents()];
            v[0] = rgb[0];
            return v;
        }

        @Override
        public float[] toCIEXYZ(float[] value) {
            return new float[] {value[0], value[0], value[0]};
        }

        @Override
        public float[] fromCIEXYZ(float[] xyz) {
            return fromRGB(xyz);
        }
    }
}
