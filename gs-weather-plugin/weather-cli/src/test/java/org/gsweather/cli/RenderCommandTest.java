package org.gsweather.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final String GFS = "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2";

    @Test
    void rendersATileOfAVariableAtALevel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("t.png");
        WxTest.Result r = WxTest.wx(
                "render",
                TestData.file(GFS).toString(),
                "--variable",
                "TMP",
                "--level",
                "850 hPa",
                "--style",
                "ramp:temperature,min=-40,max=40,units=degC",
                "--tile",
                "WebMercatorQuad/2/1/1",
                "--out",
                out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("256x256 EPSG:3857");
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getRGB(128, 128) >>> 24).isEqualTo(255);
    }

    @Test
    void rendersBarbsOfAUvPairInABbox(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("b.png");
        WxTest.Result r = WxTest.wx(
                "render",
                TestData.file(GFS).toString(),
                "--field",
                "4,5",
                "--style",
                "barbs",
                "--bbox",
                "-130,20,-60,55",
                "--size",
                "512x256",
                "--crs",
                "EPSG:4326",
                "--out",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(512);
    }

    @Test
    void writesALegend(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("l.png");
        WxTest.Result r = WxTest.wx(
                "render",
                TestData.file(GFS).toString(),
                "--variable",
                "TMP",
                "--style",
                "ramp:temperature,units=degC",
                "--legend",
                "120x240",
                "--out",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(ImageIO.read(out.toFile()).getHeight()).isEqualTo(240);
    }

    @Test
    void badStylesAndCrsAndPairsAreOneLineErrors(@TempDir Path dir) {
        String file = TestData.file(GFS).toString();
        String out = dir.resolve("x.png").toString();
        WxTest.Result style = WxTest.wx(
                "render",
                file,
                "--field",
                "2",
                "--style",
                "ramp:rainbow",
                "--tile",
                "WebMercatorQuad/0/0/0",
                "--out",
                out);
        assertThat(style.status()).isEqualTo(1);
        assertThat(style.err()).startsWith("wx: unknown palette 'rainbow'");
        WxTest.Result crs = WxTest.wx(
                "render",
                file,
                "--field",
                "2",
                "--style",
                "ramp:temperature",
                "--bbox",
                "0,0,1,1",
                "--crs",
                "EPSG:32633",
                "--out",
                out);
        assertThat(crs.err()).startsWith("wx: unknown CRS EPSG:32633");
        WxTest.Result pair = WxTest.wx(
                "render", file, "--field", "2,5", "--style", "barbs", "--tile", "WebMercatorQuad/0/0/0", "--out", out);
        assertThat(pair.err()).startsWith("wx: TMP at 10 hPa");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }
}
