package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadGridTest {
    @Test
    void aRequestNoFinerThanTheCellsIsReadAsAsked() {
        ReadGrid g = ReadGrid.of(-100, 20, -60, 50, 160, 120, -180, -90, 0.25, 0.25);

        assertThat(g).isEqualTo(new ReadGrid(-100, 20, -60, 50, 160, 120));
    }

    @Test
    void aFinerRequestIsTheCellsOfTheGridOverTheAreaWidenedToWholeCells() {
        ReadGrid g = ReadGrid.of(-100.1, 20.3, -60, 50, 4000, 100, -180, -90, 0.25, 0.25);

        // x: 160.4 cells asked as 4000 samples -> cells -100.25 .. -60 (161); y: 29.7 degrees in 100 samples, as asked
        assertThat(g).isEqualTo(new ReadGrid(-100.25, 20.3, -60, 50, 161, 100));
    }

    @Test
    void moreCellsThanTheSamplerDrawsAreSampledAtItsLimit() {
        ReadGrid g = ReadGrid.of(0, 0, 100, 1, 20000, 1, 0, 0, 0.01, 1);

        assertThat(g.width()).isEqualTo(8192);
        assertThat(g.minX()).isZero();
        assertThat(g.maxX()).isEqualTo(100);
    }
}
