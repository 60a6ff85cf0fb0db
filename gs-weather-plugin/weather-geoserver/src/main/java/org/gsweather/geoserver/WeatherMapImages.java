package org.gsweather.geoserver;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.media.jai.ImageLayout;
import javax.media.jai.PlanarImage;
import org.geoserver.catalog.ResourceInfo;
import org.geoserver.catalog.StoreInfo;
import org.geoserver.wms.GetMapCallbackAdapter;
import org.geoserver.wms.GetMapRequest;
import org.geoserver.wms.MapLayerInfo;
import org.geoserver.wms.WebMap;
import org.geoserver.wms.map.RenderedImageMap;

/**
 * What GeoServer encodes for the maps of weather layers: PNG maps of at most 256 colors with a palette, and GWC's
 * metatiles as planar images, so that cutting one into tiles copies each tile alone.
 *
 * <p>A ramp or symbols on a transparent background rarely have more than 256 colors; such an image is handed over
 * with an {@link java.awt.image.IndexColorModel} of exactly its colors ({@link PaletteImages}), so GeoServer's PNG
 * writer encodes an indexed PNG: a quarter of the bytes to filter and deflate, and a smaller response with the
 * same pixels.
 *
 * <p>GeoServer cuts a metatile that is a {@link BufferedImage} into {@code BufferedImageAdapter}s
 * of sub-images, and the PNG writer reads each through {@code getData()}, which allocates a raster
 * the size of the whole metatile: for a 4x4 metatile of 256 px tiles with a 16 px gutter, 32
 * allocations of 4.5 MB (two per tile) to encode 16 tiles, three fifths of a metatile miss's time
 * in a profile. A {@link PlanarImage} takes GeoServer's other path: each tile copied once into a
 * tile-sized image, here a row at a time. The pixels are the same. Each tile copied out is marked for {@link
 * WeatherTileEncoder}, which GWC then has write it.
 */
public final class WeatherMapImages extends GetMapCallbackAdapter {
    /** The marker GWC puts in the GetMap requests of its metatiles (GeoServerTileLayer). */
    static final String GWC_METATILE = "GWC_SEED_INTERCEPT";

    @Override
    public WebMap finished(WebMap map) {
        if (map.getClass() != RenderedImageMap.class
                || !(((RenderedImageMap) map).getImage() instanceof BufferedImage image)) {
            return map;
        }
        GetMapRequest request = map.getMapContent().getRequest();
        if (request == null || !weatherLayersOnly(request.getLayers())) {
            return map;
        }
        boolean metatile = isMetatile(request.getRawKvp());
        String mime = map.getMimeType();
        BufferedImage indexed = null;
        if (mime != null && mime.startsWith("image/png")) {
            // maps the render core drew alone (WxMapOutputFormat) have their palette already
            indexed = image.getColorModel() instanceof IndexColorModel ? image : PaletteImages.indexed(image);
        }
        if (!metatile && (indexed == null || indexed == image)) {
            return map;
        }
        RenderedImageMap rendered = (RenderedImageMap) map;
        BufferedImage chosen = indexed != null ? indexed : image;
        RenderedImageMap replaced =
                new RenderedImageMap(rendered.getMapContext(), metatile ? new Metatile(chosen) : chosen, mime);
        replaced.setRenderedCoverages(rendered.getRenderedCoverages());
        String[][] headers = map.getResponseHeaders();
        if (headers != null) {
            for (String[] header : headers) {
                replaced.setResponseHeader(header[0], header[1]);
            }
        }
        return replaced;
    }

    /** A metatile whose tiles are copied out a row at a time. */
    static final class Metatile extends PlanarImage {
        private final BufferedImage image;

        Metatile(BufferedImage image) {
            super(new ImageLayout(image), null, null);
            this.image = image;
        }

        /** The metatile is one tile. */
        @Override
        public Raster getTile(int tileX, int tileY) {
            return tileX == 0 && tileY == 0 ? image.getRaster() : null;
        }

        /**
         * Copies whole rows with {@code System.arraycopy} when the tile has the metatile's byte layout
         * (GeoServer's tiles do); {@link BufferedImage#copyData} moves each byte on its own, five
         * times slower on a 4x4 metatile.
         */
        @Override
        public WritableRaster copyData(WritableRaster tile) {
            WritableRaster source = image.getRaster();
            if (tile == null || !source.getBounds().contains(tile.getBounds()) || !sameByteLayout(source, tile)) {
                WritableRaster copy = super.copyData(tile);
                WeatherTileEncoder.copied(copy);
                return copy;
            }
            var from = (PixelInterleavedSampleModel) source.getSampleModel();
            var to = (PixelInterleavedSampleModel) tile.getSampleModel();
            DataBufferByte fromBuffer = (DataBufferByte) source.getDataBuffer();
            DataBufferByte toBuffer = (DataBufferByte) tile.getDataBuffer();
            byte[] fromBytes = fromBuffer.getData();
            byte[] toBytes = toBuffer.getData();
            int rowBytes = tile.getWidth() * from.getPixelStride();
            int fromX = tile.getMinX() - source.getSampleModelTranslateX();
            int toX = tile.getMinX() - tile.getSampleModelTranslateX();
            for (int y = tile.getMinY(); y < tile.getMinY() + tile.getHeight(); y++) {
                int fromY = y - source.getSampleModelTranslateY();
                int toY = y - tile.getSampleModelTranslateY();
                System.arraycopy(
                        fromBytes,
                        fromBuffer.getOffset() + fromY * from.getScanlineStride() + fromX * from.getPixelStride(),
                        toBytes,
                        toBuffer.getOffset() + toY * to.getScanlineStride() + toX * to.getPixelStride(),
                        rowBytes);
            }
            WeatherTileEncoder.copied(tile);
            return tile;
        }

        private static boolean sameByteLayout(Raster a, Raster b) {
            return a.getSampleModel() instanceof PixelInterleavedSampleModel sa
                    && b.getSampleModel() instanceof PixelInterleavedSampleModel sb
                    && a.getDataBuffer() instanceof DataBufferByte
                    && b.getDataBuffer() instanceof DataBufferByte
                    && a.getDataBuffer().getNumBanks() == 1
                    && b.getDataBuffer().getNumBanks() == 1
                    && sa.getPixelStride() == sb.getPixelStride()
                    && Arrays.equals(sa.getBandOffsets(), sb.getBandOffsets());
        }
    }

    static boolean isMetatile(Map<String, String> rawKvp) {
        return rawKvp != null && rawKvp.containsKey(GWC_METATILE);
    }

    private static boolean weatherLayersOnly(List<MapLayerInfo> layers) {
        if (layers == null || layers.isEmpty()) {
            return false;
        }
        for (MapLayerInfo layer : layers) {
            ResourceInfo resource = layer.getResource();
            StoreInfo store = resource == null ? null : resource.getStore();
            if (store == null || WeatherTypes.of(store.getType()) == null) {
                return false;
            }
        }
        return true;
    }
}
