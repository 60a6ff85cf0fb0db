package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.geoserver.config.JAIInfo;
import org.geoserver.platform.Operation;
import org.geoserver.platform.Service;
import org.geoserver.wms.GetMapRequest;
import org.geoserver.wms.WMS;
import org.geoserver.wms.WMSMapContent;
import org.geoserver.wms.map.PNGMapResponse;
import org.geotools.util.Version;
import org.junit.jupiter.api.Test;

class WeatherTileEncoderTest {
    private static final int SIZE = 4 * 256 + 2 * 16;

    /** GeoServer's WMS settings that the PNG writers read: the default compression (25) and PNGJ. */
    private static final WMS WMS_SETTINGS = new WMS(null) {
        @Override
        public int getPngCompression() {
            return 25;
        }

        @Override
        public JAIInfo.PngEncoderType getPNGEncoderType() {
            return JAIInfo.PngEncoderType.PNGJ;
        }
    };

    private final WeatherTileEncoder encoder = new WeatherTileEncoder(WMS_SETTINGS);
    private final PNGMapResponse stock = new PNGMapResponse(WMS_SETTINGS);

    @Test
    void weatherTilesHaveThePixelsGeoServersWriterGivesThem() throws IOException {
        BufferedImage metatile = paletteMetatile(12);
        WeatherMapImages.Metatile planar = new WeatherMapImages.Metatile(metatile);
        for (Point origin : new Point[] {new Point(16, 16), new Point(528, 784), new Point(0, 0)}) {
            BufferedImage tile = cut(planar, origin); // marks the tile, as GWC's cut does
            byte[] ours = write(encoder, tile);
            byte[] geoservers = write(stock, tile);
            assertThat(ours).isNotEqualTo(geoservers); // another writer...
            assertThat(argb(ours)).isEqualTo(argb(geoservers)); // ...the same pixels
            assertThat(argb(ours)).isEqualTo(argb(metatile.getSubimage(origin.x, origin.y, 256, 256)));
            assertThat(ours[25]).as("color type: indexed").isEqualTo((byte) 3);
        }
    }

    @Test
    void everythingElseIsWrittenByGeoServersWriter() throws IOException {
        BufferedImage metatile = paletteMetatile(12);
        // not cut from a weather metatile: no mark
        BufferedImage plain = metatile.getSubimage(16, 16, 256, 256);
        assertThat(write(encoder, plain)).isEqualTo(write(stock, plain));
        // a weather tile without a palette (more than 256 colors)
        BufferedImage rgba = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_4BYTE_ABGR);
        new Random(3).nextBytes(((DataBufferByte) rgba.getRaster().getDataBuffer()).getData());
        BufferedImage tile = cut(new WeatherMapImages.Metatile(rgba), new Point(16, 16));
        assertThat(write(encoder, tile)).isEqualTo(write(stock, tile));
        // the mark is for the next tile written on the thread only
        BufferedImage marked = cut(new WeatherMapImages.Metatile(metatile), new Point(16, 16));
        write(encoder, plain);
        assertThat(write(encoder, marked)).isEqualTo(write(stock, marked));
    }

    @Test
    void answersGwcsLookupOfItsTileEncoderOnly() throws NoSuchMethodException {
        Service wms = new Service("wms", null, new Version("1.1.1"), null);
        assertThat(encoder.canHandle(new Operation("GetMap", wms, null, new Object[] {getMap("image/png")})))
                .isTrue();
        assertThat(encoder.canHandle(new Operation("GetMap", wms, null, new Object[] {getMap("image/jpeg")})))
                .isFalse();
        // the dispatcher's operations have a method
        assertThat(encoder.canHandle(new Operation(
                        "GetMap", wms, Object.class.getMethod("toString"), new Object[] {getMap("image/png")})))
                .isFalse();
        assertThat(encoder.getOutputFormats()).containsExactly(WeatherTileEncoder.OWN_FORMAT);
    }

    private static GetMapRequest getMap(String format) {
        GetMapRequest request = new GetMapRequest();
        request.setFormat(format);
        return request;
    }

    /** A palette metatile of {@code colors} colors, some translucent, index 0 transparent. */
    private static BufferedImage paletteMetatile(int colors) {
        byte[] r = new byte[colors];
        byte[] g = new byte[colors];
        byte[] b = new byte[colors];
        byte[] a = new byte[colors];
        for (int i = 1; i < colors; i++) {
            r[i] = (byte) (i * 20);
            g[i] = (byte) (255 - i * 13);
            b[i] = (byte) (i * 7);
            a[i] = (byte) (i % 3 == 0 ? 128 : 255);
        }
        BufferedImage image = new BufferedImage(
                SIZE, SIZE, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, colors, r, g, b, a));
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(5);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(colors) : (i / 37) % colors);
        }
        return image;
    }

    /** A tile cut as GeoServer's metatile cuts one from a planar image (GeoServerMetaTile.createTile). */
    private static BufferedImage cut(WeatherMapImages.Metatile planar, Point origin) {
        WritableRaster raster = WritableRaster.createWritableRaster(
                planar.getSampleModel().createCompatibleSampleModel(256, 256), origin);
        planar.copyData(raster);
        return new BufferedImage(planar.getColorModel(), raster.createWritableTranslatedChild(0, 0), false, null);
    }

    private static byte[] write(org.geoserver.wms.map.RenderedImageMapResponse response, BufferedImage tile)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WMSMapContent content = new WMSMapContent(); // a tile's, as GWC makes it: the metatile's GetMap
        content.setRequest(getMap("image/png"));
        response.formatImageOutputStream(tile, out, content);
        return out.toByteArray();
    }

    private static int[] argb(byte[] png) throws IOException {
        return argb(ImageIO.read(new ByteArrayInputStream(png)));
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
