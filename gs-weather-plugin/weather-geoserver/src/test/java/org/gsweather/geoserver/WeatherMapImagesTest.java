package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Map;
import java.util.Random;
import org.geoserver.wms.GetMapRequest;
import org.geoserver.wms.WMSMapContent;
import org.geoserver.wms.WebMap;
import org.geoserver.wms.map.RenderedImageMap;
import org.junit.jupiter.api.Test;

class WeatherMapImagesTest {
    /** A 4x4 metatile of 256 px tiles with a 16 px gutter, as GWC asks GeoServer for. */
    private static final int SIZE = 4 * 256 + 2 * 16;

    @Test
    void tilesCopiedRowByRowEqualJavasOwnCopy() {
        BufferedImage metatile = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_4BYTE_ABGR);
        new Random(7).nextBytes(((DataBufferByte) metatile.getRaster().getDataBuffer()).getData());
        WeatherMapImages.Metatile planar = new WeatherMapImages.Metatile(metatile);
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                Point origin = new Point(16 + col * 256, 16 + row * 256);
                WritableRaster ours = tile(metatile, origin);
                WritableRaster javas = tile(metatile, origin);
                planar.copyData(ours);
                metatile.copyData(javas);
                assertThat(bytes(ours)).isEqualTo(bytes(javas)).isNotEqualTo(new byte[bytes(javas).length]);
            }
        }
    }

    @Test
    void otherLayoutsTakeJavasCopy() {
        BufferedImage metatile = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) metatile.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i * 2654435761L > 0 ? (int) (i * 2654435761L) : i;
        }
        WritableRaster ours = tile(metatile, new Point(272, 528));
        WritableRaster javas = tile(metatile, new Point(272, 528));
        new WeatherMapImages.Metatile(metatile).copyData(ours);
        metatile.copyData(javas);
        assertThat(((DataBufferInt) ours.getDataBuffer()).getData())
                .isEqualTo(((DataBufferInt) javas.getDataBuffer()).getData());
    }

    @Test
    void mapsWithoutWeatherLayersAreLeftAlone() {
        WMSMapContent content = new WMSMapContent();
        GetMapRequest request = new GetMapRequest();
        request.setRawKvp(Map.of("LAYERS", "wx:TMP_SFC"));
        content.setRequest(request);
        WebMap map =
                new RenderedImageMap(content, new BufferedImage(256, 256, BufferedImage.TYPE_4BYTE_ABGR), "image/png");
        assertThat(new WeatherMapImages().finished(map)).isSameAs(map);
        assertThat(WeatherMapImages.isMetatile(Map.of(WeatherMapImages.GWC_METATILE, "true")))
                .isTrue();
    }

    private static WritableRaster tile(BufferedImage metatile, Point origin) {
        return Raster.createWritableRaster(metatile.getSampleModel().createCompatibleSampleModel(256, 256), origin);
    }

    private static byte[] bytes(Raster raster) {
        return ((DataBufferByte) raster.getDataBuffer()).getData();
    }
}
