package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maps across the antimeridian, as QGIS and OpenLayers ask for a view centred on the Pacific: x beyond 180 degrees
 * (or beyond Web Mercator's edge) shows the globe again, pixel for pixel what the same longitudes west of 180 show.
 */
class AntimeridianTest {
    private final TileRenderer renderer = new TileRenderer();

    /** Columns {@code [from, from + n)} of an image {@code width} wide. */
    private static int[] columns(int[] pixels, int width, int from, int n) {
        int rows = pixels.length / width;
        int[] out = new int[rows * n];
        for (int y = 0; y < rows; y++) {
            System.arraycopy(pixels, y * width + from, out, y * n, n);
        }
        return out;
    }

    private int[] draw(FieldSource source, String style, View view) {
        return renderer.render(source, StyleParser.parse(style), view).pixels().clone();
    }

    @Test
    void aPacificViewIsTheTwoSidesOfTheAntimeridianSideBySide() {
        FieldSource gfs = FieldSource.of(Sources.field(Sources.GFS, "TMP", "2 m"));
        for (String crs : List.of("EPSG:4326", "EPSG:3857")) {
            double d = crs.equals("EPSG:4326") ? 1 : OutputCrs.WEB_MERCATOR_LIMIT / 180;
            double y = crs.equals("EPSG:4326") ? 60 : 8.4e6;
            for (String style :
                    List.of("ramp:temperature,units=degC", "ramp:temperature,units=degC,sampling=bilinear")) {
                // 100E to 100W over 640 pixels, against 100E to 180 and 180 to 100W apart
                int[] pacific = draw(gfs, style, View.of(crs, 100 * d, -y, 260 * d, y, 640, 300));
                int[] west = draw(gfs, style, View.of(crs, 100 * d, -y, 180 * d, y, 320, 300));
                int[] east = draw(gfs, style, View.of(crs, -180 * d, -y, -100 * d, y, 320, 300));
                assertThat(columns(pacific, 640, 0, 320))
                        .as("%s %s west of 180", crs, style)
                        .isEqualTo(west);
                assertThat(columns(pacific, 640, 320, 320))
                        .as("%s %s east of 180", crs, style)
                        .isEqualTo(east);
                assertThat(ink(east)).as("the east half is drawn").isEqualTo(east.length);
            }
        }
    }

    @Test
    void aProjectedGridEastOfTheAntimeridianIsTheSameGrid() {
        // HRRR (Lambert, 134W to 60W) in a view from 150E to 60W, x 150 to 300
        FieldSource hrrr = FieldSource.of(Sources.field(Sources.HRRR_TMP, 1));
        int[] across = draw(hrrr, "ramp:temperature", View.of("EPSG:4326", 150, 20, 300, 55, 600, 140));
        int[] plain = draw(hrrr, "ramp:temperature", View.of("EPSG:4326", -150, 20, -60, 55, 360, 140));
        assertThat(columns(across, 600, 240, 360)).isEqualTo(plain);
        assertThat(ink(plain)).isGreaterThan(plain.length / 2);
    }

    @Test
    void barbsAndIsolinesAreDrawnOnBothSides() {
        FieldSource wind = FieldSource.of(Sources.wind(Sources.GFS, "250 hPa"));
        int[] barbs = draw(wind, "barbs", View.of("EPSG:4326", 100, -60, 260, 60, 640, 480));
        assertThat(ink(columns(barbs, 640, 0, 320))).isGreaterThan(1000);
        assertThat(ink(columns(barbs, 640, 320, 320))).isGreaterThan(1000);
        FieldSource mslp = FieldSource.of(Sources.field(Sources.GFS, "PRMSL", "Mean sea level"));
        int[] isobars = draw(mslp, "isolines:interval=400", View.of("EPSG:3857", 1.1e7, -8e6, 2.9e7, 8e6, 640, 480));
        assertThat(ink(columns(isobars, 640, 0, 320))).isGreaterThan(1000);
        assertThat(ink(columns(isobars, 640, 320, 320))).isGreaterThan(1000);
    }

    @Test
    void beyondOneTurnIsLeftTransparentAndAViewWhollyBeyondIsRefused() {
        FieldSource gfs = FieldSource.of(Sources.field(Sources.GFS, "TMP", "2 m"));
        // x 100 to 620: the last 80 degrees lie more than one turn east of the domain
        int[] far = draw(gfs, "ramp:temperature", View.of("EPSG:4326", 100, -60, 620, 60, 520, 120));
        assertThat(ink(columns(far, 520, 0, 440))).isEqualTo(440 * 120);
        assertThat(ink(columns(far, 520, 440, 80))).isZero();
        assertThatThrownBy(() -> View.of("EPSG:4326", 560, 0, 600, 10, 256, 256))
                .hasMessageContaining("outside the domain of EPSG:4326")
                .hasMessageContaining("one turn (360.0)");
    }

    @Test
    void aWorldTallerThanTheWorldDrawsTheWorldAndLeavesTheRestTransparent() {
        // a zoomed-out QGIS canvas in EPSG:4326: latitudes -120 to 120 on 400 rows of 0.6 degrees
        FieldSource gfs = FieldSource.of(Sources.field(Sources.GFS, "TMP", "2 m"));
        int[] tall = draw(gfs, "ramp:temperature", View.of("EPSG:4326", -180, -120, 180, 120, 600, 400));
        int[] world = draw(gfs, "ramp:temperature", View.of("EPSG:4326", -180, -90, 180, 90, 600, 300));
        assertThat(Arrays.copyOfRange(tall, 50 * 600, 350 * 600)).isEqualTo(world);
        assertThat(ink(Arrays.copyOfRange(tall, 0, 50 * 600))).isZero();
        assertThat(ink(Arrays.copyOfRange(tall, 350 * 600, 400 * 600))).isZero();
        // Web Mercator: y beyond the square (100 rows above and below) stays transparent; barbs placed within
        // may overhang the edge by their length, no more
        FieldSource wind = FieldSource.of(Sources.wind(Sources.GFS, "250 hPa"));
        double l = OutputCrs.WEB_MERCATOR_LIMIT;
        View tallMerc = View.of("EPSG:3857", -l, -1.5 * l, l, 1.5 * l, 400, 600);
        int[] merc = draw(wind, "ramp:wind-speed", tallMerc);
        assertThat(ink(Arrays.copyOfRange(merc, 0, 100 * 400))).isZero();
        assertThat(ink(Arrays.copyOfRange(merc, 500 * 400, 600 * 400))).isZero();
        assertThat(ink(Arrays.copyOfRange(merc, 100 * 400, 500 * 400))).isEqualTo(400 * 400);
        int[] barbs = draw(wind, "barbs", tallMerc);
        assertThat(ink(Arrays.copyOfRange(barbs, 0, 60 * 400))).isZero();
        assertThat(ink(Arrays.copyOfRange(barbs, 540 * 400, 600 * 400))).isZero();
        assertThat(ink(Arrays.copyOfRange(barbs, 100 * 400, 500 * 400))).isGreaterThan(1000);
    }

    private static long ink(int[] pixels) {
        return Arrays.stream(pixels).filter(p -> p >>> 24 != 0).count();
    }
}
