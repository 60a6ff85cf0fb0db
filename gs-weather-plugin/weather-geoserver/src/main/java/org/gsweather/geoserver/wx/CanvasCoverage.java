package org.gsweather.geoserver.wx;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.gsweather.render.Canvas;

/** A drawn canvas as the coverage GeoServer composites 1:1 into the map: ARGB over exactly the map's box. */
final class CanvasCoverage {
    private static final GridCoverageFactory FACTORY = new GridCoverageFactory();
    private static final int[] MASKS = {0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000};

    private CanvasCoverage() {}

    static GridCoverage2D of(String name, Canvas canvas, ReferencedEnvelope bbox) {
        int w = canvas.width();
        int h = canvas.height();
        DataBufferInt buffer = new DataBufferInt(canvas.pixels(), w * h);
        SinglePixelPackedSampleModel sm = new SinglePixelPackedSampleModel(buffer.getDataType(), w, h, MASKS);
        WritableRaster raster = Raster.createWritableRaster(sm, buffer, null);
        DirectColorModel cm = new DirectColorModel(32, MASKS[0], MASKS[1], MASKS[2], MASKS[3]);
        BufferedImage image = new BufferedImage(cm, raster, false, null);
        return FACTORY.create(name, image, bbox);
    }
}
