package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Barbs, arrows and isolines (with labels) drawn as a 2x2 block of tiles match the same area drawn as
 * one image of twice the size: symbols and lines continue across tile borders, none is cut or doubled.
 * Anti-aliasing may differ by rounding only.
 */
class OverlaySeamlessnessTest {
    private final TileRenderer renderer = new TileRenderer();

    private void assertSeamless(FieldSource src, String style, TileMatrixSet tms, int z, int x, int y) {
        List<Style> styles = StyleParser.parse(style);
        int[] tiles = Images.mosaic(renderer, src, styles, tms, z, x, y, 256);
        int[] whole =
                renderer.render(src, styles, tms.block(z, x, y, 2, 2, 256)).pixels();
        int worst = 0;
        int differing = 0;
        int inked = 0;
        for (int k = 0; k < whole.length; k++) {
            int d = Images.channelDifference(whole[k], tiles[k]);
            worst = Math.max(worst, d);
            if (d > 0) {
                differing++;
            }
            if ((whole[k] >>> 24) != 0) {
                inked++;
            }
        }
        assertThat(inked).as("drawn pixels").isGreaterThan(1000);
        assertThat(worst).as("largest channel difference (of 255)").isLessThanOrEqualTo(2);
        assertThat(differing).as("pixels that differ at all").isLessThan(whole.length / 100);
    }

    @Test
    void barbsOnNamAcrossTileBorders() {
        assertSeamless(
                FieldSource.of(Sources.wind(Sources.NAM, "500 hPa")),
                "barbs",
                TileMatrixSet.WEB_MERCATOR_QUAD,
                4,
                3,
                5);
    }

    @Test
    void speedColoredBarbsOnGfsAcrossTheAntimeridianInWorldCrs84() {
        assertSeamless(
                FieldSource.of(Sources.wind(Sources.GFS, "250 hPa")),
                "barbs:colors=wind-speed,spacing=30",
                TileMatrixSet.WORLD_CRS84_QUAD,
                1,
                0,
                0);
    }

    @Test
    void scaledArrowsOnGfs() {
        assertSeamless(
                FieldSource.of(Sources.wind(Sources.GFS, "500 hPa")),
                "arrows:scaled",
                TileMatrixSet.WEB_MERCATOR_QUAD,
                2,
                1,
                1);
    }

    @Test
    void hrrrIsothermsWhereAClippedLineRoundedAHairLeftOfTheTile() {
        // tile 5/10/11: the x of a line clipped at the tile's left border stepped to just below 0 in the first row,
        // an index before the coverage buffer (and a wrong cell in the other rows)
        assertSeamless(
                FieldSource.of(Sources.field(Sources.HRRR_TMP, "TMP", "")),
                "isolines:interval=2,base=230,units=K",
                TileMatrixSet.WEB_MERCATOR_QUAD,
                5,
                10,
                11);
    }

    @Test
    void isobarsWithLabelsOnEta() {
        assertSeamless(
                FieldSource.of(Sources.field(Sources.ETA, "PRMSL", "")),
                "isolines:interval=2,units=hPa,major=5",
                TileMatrixSet.WEB_MERCATOR_QUAD,
                4,
                3,
                5);
    }

    @Test
    void filledIsobarBandsOnEta() {
        assertSeamless(
                FieldSource.of(Sources.field(Sources.ETA, "PRMSL", "")),
                "isolines:interval=4,units=hPa,fill=gray,fillmin=980,fillmax=1040",
                TileMatrixSet.WEB_MERCATOR_QUAD,
                4,
                3,
                5);
    }

    @Test
    void isothermsWithLabelsOverARampOnGfsAcrossGreenwich() {
        assertSeamless(
                FieldSource.of(Sources.field(Sources.GFS, "TMP", "850 hPa")),
                "ramp:temperature,units=degC+isolines:interval=2,units=degC,major=5,font=12",
                TileMatrixSet.WEB_MERCATOR_QUAD,
                3,
                3,
                2);
    }
}
