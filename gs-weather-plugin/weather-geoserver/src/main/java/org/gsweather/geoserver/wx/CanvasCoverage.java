package org.gsweather.geoserver.wx;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.gsweather.render.Canvas;

/**
 * A drawn canvas as the coverage GeoServer composites 1:1 into the map: RGBA over exactly the map's box, as bytes in
 * the layout of {@code TYPE_4BYTE_ABGR}. Packed ARGB ints would be converted by GeoServer's raster renderer a pixel
 * at a time through their color model, most of a metatile's time.
 */
final class CanvasCoverage {
    private static final GridCoverageFactory FACTORY = new GridCoverageFactory();
    private static final ComponentColorModel RGBA = new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
    private static final int[] ABGR_OFFSETS = {3, 2, 1, 0};

    private CanvasCoverage() {}

    static GridCoverage2D of(String name, Canvas canvas, ReferencedEnvelope bbox) {
        int w = canvas.width();
        int h = canvas.height();
        if (canvas.indexed()) {
            byte[] indices = canvas.indicesCopy();
            int[] palette = canvas.paletteCopy();
            WritableRaster raster = Raster.createInterleavedRaster(
                    new DataBufferByte(indices, indices.length), w, h, w, 1, new int[] {0}, null);
            IndexColorModel icm = new IndexColorModel(8, palette.length, palette, 0, true, -1, DataBuffer.TYPE_BYTE);
            return FACTORY.create(name, new BufferedImage(icm, raster, false, null), bbox);
        }
        byte[] abgr = canvas.abgrBytes();
        WritableRaster raster = Raster.createInterleavedRaster(
                new DataBufferByte(abgr, abgr.length), w, h, 4 * w, 4, ABGR_OFFSETS, null);
        BufferedImage image = new BufferedImage(RGBA, raster, false, null);
        return FACTORY.create(name, image, bbox);
    }
}
