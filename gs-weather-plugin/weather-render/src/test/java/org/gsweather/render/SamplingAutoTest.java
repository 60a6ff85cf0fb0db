package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sampling=auto}: bilinear when zoomed in past the grid's cells, nearest when zoomed out. */
class SamplingAutoTest {

    @Test
    void cellSizesAreTheGridsSpacingInDegrees() {
        assertThat(Sampling.cellDegrees(Sources.field(Sources.GFS, 1).grid())).isCloseTo(2.5, within(0.01));
        // HRRR: 3 km Lambert cells
        assertThat(Sampling.cellDegrees(Sources.field(Sources.HRRR_TMP, 1).grid()) * Math.PI * 6371.0 / 180)
                .isCloseTo(3.0, within(0.05));
        assertThat(Sampling.pixelDegrees(TileMatrixSet.WEB_MERCATOR_QUAD.tile(0, 0, 0, 256)))
                .isCloseTo(360.0 / 256, within(1e-9));
        assertThat(Sampling.pixelDegrees(TileMatrixSet.WORLD_CRS84_QUAD.tile(1, 0, 0, 256)))
                .isCloseTo(180.0 / 512, within(1e-9));
    }

    @Test
    void autoTakesBilinearZoomedInAndNearestZoomedOutAlikeInEveryTileOfAZoom() {
        GridValues hrrr = Sources.field(Sources.HRRR_TMP, 1);
        // HRRR's 0.027 degree cells: WebMercatorQuad pixels are 0.021 degrees at zoom 6, 0.043 at zoom 5
        for (int x = 0; x < 64; x += 7) {
            assertThat(Sampling.AUTO.resolve(hrrr.grid(), TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, x % 32, 11, 256)))
                    .isEqualTo(Sampling.NEAREST);
            assertThat(Sampling.AUTO.resolve(hrrr.grid(), TileMatrixSet.WEB_MERCATOR_QUAD.tile(6, x, 22, 256)))
                    .isEqualTo(Sampling.BILINEAR);
        }
        assertThat(Sampling.AUTO.resolve(hrrr.grid(), TileMatrixSet.WEB_MERCATOR_QUAD.tile(5, 8, 11, 512)))
                .as("512 px tiles of zoom 5 have the pixels of zoom 6")
                .isEqualTo(Sampling.BILINEAR);
        GridValues gfs = Sources.field(Sources.GFS, 1);
        assertThat(Sampling.AUTO.resolve(gfs.grid(), TileMatrixSet.WEB_MERCATOR_QUAD.tile(0, 0, 0, 256)))
                .as("2.5 degree cells against 1.4 degree pixels")
                .isEqualTo(Sampling.BILINEAR);
        assertThat(Sampling.NEAREST.resolve(gfs.grid(), TileMatrixSet.WEB_MERCATOR_QUAD.tile(3, 2, 2, 256)))
                .isEqualTo(Sampling.NEAREST);
    }

    @Test
    void anAutoRampDrawsWhatTheSamplingItTakesDraws() {
        TileRenderer renderer = new TileRenderer();
        FieldSource hrrr = FieldSource.of(Sources.field(Sources.HRRR_TMP, 1));
        for (var c : List.of(new Object[] {5, 8, 11, "nearest"}, new Object[] {7, 33, 46, "bilinear"})) {
            View view = TileMatrixSet.WEB_MERCATOR_QUAD.tile((int) c[0], (int) c[1], (int) c[2], 256);
            int[] auto = renderer.render(hrrr, StyleParser.parse("ramp:temperature,sampling=auto"), view)
                    .pixels()
                    .clone();
            int[] chosen = renderer.render(hrrr, StyleParser.parse("ramp:temperature,sampling=" + c[3]), view)
                    .pixels()
                    .clone();
            int[] other = renderer.render(
                            hrrr,
                            StyleParser.parse(
                                    "ramp:temperature,sampling=" + (c[3].equals("nearest") ? "bilinear" : "nearest")),
                            view)
                    .pixels();
            assertThat(auto).as("zoom %s", c[0]).containsExactly(chosen);
            assertThat(auto).as("zoom %s differs from the other sampling", c[0]).isNotEqualTo(other);
        }
    }

    @Test
    void anUnknownSamplingNamesTheChoices() {
        assertThatThrownBy(() -> StyleParser.parse("ramp:temperature,sampling=cubic"))
                .hasMessageContaining("sampling=cubic: use nearest, bilinear or auto");
    }
}
