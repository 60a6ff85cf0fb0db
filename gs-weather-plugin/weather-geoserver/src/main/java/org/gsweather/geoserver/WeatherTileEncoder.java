package org.gsweather.geoserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import org.geoserver.platform.ExtensionPriority;
import org.geoserver.platform.Operation;
import org.geoserver.platform.ServiceException;
import org.geoserver.wms.MapProducerCapabilities;
import org.geoserver.wms.WMS;
import org.geoserver.wms.WMSMapContent;
import org.geoserver.wms.map.PNGMapResponse;
import org.geoserver.wms.map.RenderedImageMapResponse;
import org.gsweather.render.PngEncoder;

/**
 * GWC's PNG encoder for the tiles of its metatiles: the tiles of weather metatiles with a palette ({@link
 * WeatherMapImages}) are written by the render core's PNG encoder, everything else exactly as GeoServer's {@link
 * PNGMapResponse} writes it.
 *
 * <p>GWC encodes a metatile's 16 tiles one after the other on the thread that holds the metatile's lock, each through
 * GeoServer's PNG writer (PNGJ): about 0.8 ms per 256 px indexed tile, a third of a ramp metatile's time. The core's
 * encoder writes the same indexed pixels, palette and transparency in about a quarter of that, at the deflate level
 * GeoServer's PNG compression setting gives PNGJ ({@code round(9 * compression / 100)}).
 *
 * <p>GWC looks its tile encoder up among GeoServer's {@link org.geoserver.ows.Response}s with an {@link Operation}
 * of its own, which has no method (the dispatcher's operations always have one); this response answers only that
 * lookup, and ranks first in it. It lists no output format of GeoServer's, so the dispatcher never chooses it for a
 * WMS response.
 */
public final class WeatherTileEncoder extends RenderedImageMapResponse implements ExtensionPriority {
    /** Not a format anyone asks for: keeps the dispatcher from choosing this response for a GetMap. */
    static final String OWN_FORMAT = "image/png; gsweather=metatile-tiles";

    private static final ThreadLocal<DataBuffer> WEATHER_TILE = new ThreadLocal<>();
    private static final ThreadLocal<PngEncoder[]> ENCODERS = ThreadLocal.withInitial(() -> new PngEncoder[10]);

    private static final Counter BY_CORE = written("core");
    private static final Counter BY_GEOSERVER = written("geoserver");

    private final WMS wms;
    private final PNGMapResponse stock;

    public WeatherTileEncoder(WMS wms) {
        super(new String[] {OWN_FORMAT}, wms);
        this.wms = wms;
        this.stock = new PNGMapResponse(wms);
    }

    @Override
    public int getPriority() {
        return ExtensionPriority.HIGHEST;
    }

    /** GWC's lookup of the encoder of its tiles: a GetMap operation without a method, in PNG. */
    @Override
    public boolean canHandle(Operation operation) {
        return operation.getMethod() == null
                && "GetMap".equalsIgnoreCase(operation.getId())
                && operation.getParameters() != null
                && operation.getParameters().length == 1
                && operation.getParameters()[0] instanceof org.geoserver.wms.GetMapRequest request
                && "image/png".equalsIgnoreCase(request.getFormat());
    }

    @Override
    public MapProducerCapabilities getCapabilities(String outputFormat) {
        return stock.getCapabilities(outputFormat);
    }

    /** Marks the tile {@link WeatherMapImages.Metatile} has just copied out on this thread as a weather tile. */
    static void copied(WritableRaster tile) {
        WEATHER_TILE.set(tile.getDataBuffer());
    }

    @Override
    public void formatImageOutputStream(RenderedImage image, OutputStream out, WMSMapContent mapContent)
            throws ServiceException, IOException {
        DataBuffer weather = WEATHER_TILE.get();
        WEATHER_TILE.remove();
        // a palette asked for (PALETTE, png8) is GeoServer's to apply
        boolean asIs = mapContent == null || mapContent.getPalette() == null;
        byte[] png = weather != null && asIs ? encode(image, weather) : null;
        if (png == null) {
            stock.formatImageOutputStream(image, out, mapContent);
            BY_GEOSERVER.increment();
            return;
        }
        out.write(png);
        BY_CORE.increment();
    }

    private static Counter written(String writer) {
        return Counter.builder("gsweather.gwc.tiles.written")
                .description("Tiles of metatiles GWC has written, by writer: the render core's PNG encoder (weather"
                        + " tiles with a palette) or GeoServer's")
                .tag("writer", writer)
                .register(Metrics.globalRegistry);
    }

    /** The PNG of a weather tile with a palette, or null when the image is not one. */
    private byte[] encode(RenderedImage image, DataBuffer weather) {
        if (!(image instanceof BufferedImage tile)
                || tile.getRaster().getDataBuffer() != weather
                || !(tile.getColorModel() instanceof IndexColorModel palette)
                || !(weather instanceof DataBufferByte bytes)
                || bytes.getNumBanks() != 1
                || bytes.getOffset() != 0
                || !(tile.getSampleModel() instanceof ComponentSampleModel sm)
                || sm.getNumBands() != 1
                || sm.getPixelStride() != 1
                || sm.getScanlineStride() != tile.getWidth()
                || tile.getRaster().getSampleModelTranslateX()
                        != tile.getRaster().getMinX()
                || tile.getRaster().getSampleModelTranslateY()
                        != tile.getRaster().getMinY()
                || bytes.getSize() < tile.getWidth() * tile.getHeight()) {
            return null;
        }
        int[] argb = new int[palette.getMapSize()];
        palette.getRGBs(argb);
        return encoder().encodeIndexed(bytes.getData(), tile.getWidth(), tile.getHeight(), argb, argb.length);
    }

    /** This thread's encoder at the deflate level of GeoServer's PNG compression setting, as PNGJ gets it. */
    private PngEncoder encoder() {
        int level = Math.max(0, Math.min(9, Math.round(9f * wms.getPngCompression() / 100f)));
        PngEncoder[] encoders = ENCODERS.get();
        if (encoders[level] == null) {
            encoders[level] = new PngEncoder(level);
        }
        return encoders[level];
    }
}
