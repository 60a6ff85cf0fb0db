package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.gsweather.field.Missing;
import org.gsweather.grid.Ellipsoid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.RegularGrid;
import org.junit.jupiter.api.Test;

class FieldSamplerTest {
    /** 3x2 values on a one-degree grid that does not wrap. */
    private static final GridValues FIELD = new GridValues(
            new RegularGrid(new Geographic(Ellipsoid.WGS84), 3, 2, 10, 40, 1, 1),
            new float[] {1, 2, 3, 4, 5, 6},
            "K",
            "test");

    @Test
    void nearestTakesTheClosestPointAndNothingOutsideOrWithoutAnIndex() {
        float[] fi = {0.49f, 0.5f, 2.49f, -0.5f, -0.51f, 2.5f, 1f, Float.NaN, 1f};
        float[] fj = {0f, 0f, 1.2f, 0f, 0f, 0f, -0.7f, 0f, Float.NaN};
        float[] out = new float[fi.length];
        FieldSampler.nearest(FIELD, fi, fj, 0, fi.length, out);
        assertThat(out[0]).isEqualTo(1f);
        assertThat(out[1]).isEqualTo(2f);
        assertThat(out[2]).isEqualTo(6f);
        assertThat(out[3])
                .as("half a cell before the first column is still the first")
                .isEqualTo(1f);
        for (int k = 4; k < out.length; k++) {
            assertThat(Float.floatToRawIntBits(out[k]))
                    .as("point %d outside the grid or without an index", k)
                    .isEqualTo(Float.floatToRawIntBits(Missing.VALUE));
        }
    }
}
