package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A 2x2 block of ramp tiles is pixel for pixel the same area rendered as one image of twice the size. */
class RampSeamlessnessTest {
    private final TileRenderer renderer = new TileRenderer();

    private void assertSeamless(GridValues field, String style, TileMatrixSet tms, int z, int x, int y) {
        List<Style> styles = StyleParser.parse(style);
        FieldSource src = FieldSource.of(field);
        int[] tiles = Images.mosaic(renderer, src, styles, tms, z, x, y, 256);
        int[] whole =
                renderer.render(src, styles, tms.block(z, x, y, 2, 2, 256)).pixels();
        int differ = 0;
        for (int k = 0; k < whole.length; k++) {
            if (whole[k] != tiles[k]) {
                differ++;
            }
        }
        assertThat(differ)
                .as("pixels differing between 4 tiles and one 512x512 image")
                .isZero();
        long colored = java.util.Arrays.stream(whole).filter(p -> p >>> 24 != 0).count();
        assertThat(colored).as("colored pixels").isGreaterThan(whole.length / 4);
    }

    @Test
    void globalGridAcrossGreenwichSeamInWebMercator() {
        // GFS 0-360: its first and last columns meet at Greenwich, in the middle of this block
        GridValues tmp = Sources.field(Sources.GFS, "TMP", "850 hPa");
        assertSeamless(tmp, "ramp:temperature,units=degC", TileMatrixSet.WEB_MERCATOR_QUAD, 2, 1, 1);
        assertSeamless(tmp, "ramp:temperature,units=degC,sampling=bilinear", TileMatrixSet.WEB_MERCATOR_QUAD, 2, 1, 1);
    }

    @Test
    void globalGridAcrossTheAntimeridianInWorldCrs84() {
        GridValues tmp = Sources.field(Sources.GFS, "TMP", "500 hPa");
        assertSeamless(tmp, "ramp:temperature,units=degC,sampling=bilinear", TileMatrixSet.WORLD_CRS84_QUAD, 1, 0, 0);
    }

    @Test
    void lambertGridInWebMercator() {
        GridValues tmp = Sources.field(Sources.HRRR_TMP, 1);
        assertSeamless(tmp, "ramp:temperature,units=degF,min=40,max=110", TileMatrixSet.WEB_MERCATOR_QUAD, 5, 8, 11);
        assertSeamless(
                tmp,
                "ramp:temperature,units=degF,min=40,max=110,sampling=bilinear",
                TileMatrixSet.WEB_MERCATOR_QUAD,
                6,
                16,
                23);
    }
}
