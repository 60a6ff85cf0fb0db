package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadGridTest {
    @Test
    void aRequestOfFewerSamplesThanTheBudgetIsReadAsAskedEvenFinerThanTheCells() {
        ReadGrid coarse = ReadGrid.of(-100, 20, -60, 50, 160, 120, -180, -90, 0.25, 0.25);
        ReadGrid fine = ReadGrid.of(-100, 20, -60, 50, 4000, 3000, -180, -90, 0.25, 0.25);

        assertThat(coarse).isEqualTo(new ReadGrid(-100, 20, -60, 50, 160, 120));
        assertThat(fine).isEqualTo(new ReadGrid(-100, 20, -60, 50, 4000, 3000));
    }

    @Test
    void aRequestOfTooManySamplesIsTheCellsOfTheGridOverTheAreaWidenedToWholeCells() {
        ReadGrid g = ReadGrid.of(-100.1, 20.3, -60, 50, 10000, 100, -180, -90, 0.25, 0.25);
        ReadGrid big = ReadGrid.of(-100.1, 20.3, -60, 50, 5000, 5000, -180, -90, 0.25, 0.25);

        // x: 160.4 cells asked as 10000 samples -> cells -100.25 .. -60 (161); y: 100 samples, coarser than the cells
        assertThat(g).isEqualTo(new ReadGrid(-100.25, 20.3, -60, 50, 161, 100));
        // 25 million samples: both axes finer than the cells -> the 161 x 119 cells from 20.25 to 50
        assertThat(big).isEqualTo(new ReadGrid(-100.25, 20.25, -60, 50, 161, 119));
    }

    @Test
    void moreCellsThanTheSamplerDrawsAreSampledAtItsLimit() {
        ReadGrid g = ReadGrid.of(0, 0, 100, 1, 20000, 1, 0, 0, 0.01, 1);

        assertThat(g.width()).isEqualTo(8192);
        assertThat(g.minX()).isZero();
        assertThat(g.maxX()).isEqualTo(100);
    }
}
