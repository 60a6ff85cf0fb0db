package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.gsweather.field.DecodePool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stored order to rows, on one thread and in parts, puts every value where {@link ScanOrder#gridIndexOf} says. */
class ScanOrderTest {
    private static final List<DecodePool> POOLS =
            List.of(DecodePool.sequential(), DecodePool.create(2, 1), DecodePool.create(3, 5));

    @AfterAll
    static void closePools() {
        POOLS.forEach(DecodePool::close);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1, 1", "1, 7", "7, 1", "2, 3", "5, 4", "37, 11", "64, 65", "300, 201"})
    void everyScanningModeOfRowsAndColumns(int nx, int ny) throws Exception {
        Random random = new Random(nx * 1000L + ny);
        for (int mode : new int[] {
            0,
            GridDefinition.SCAN_BOUSTROPHEDON,
            GridDefinition.SCAN_J_CONSECUTIVE,
            GridDefinition.SCAN_J_CONSECUTIVE | GridDefinition.SCAN_BOUSTROPHEDON,
            0x40 | GridDefinition.SCAN_BOUSTROPHEDON, // +j: only the rows' order in the grid changes
        }) {
            float[] stored = new float[nx * ny];
            for (int k = 0; k < stored.length; k++) {
                stored[k] = random.nextFloat();
            }
            float[] expected = new float[stored.length];
            int[] ij = new int[2];
            for (int s = 0; s < stored.length; s++) {
                ScanOrder.gridIndexOf(s, nx, ny, mode, ij);
                expected[ij[1] * nx + ij[0]] = stored[s];
            }
            for (DecodePool pool : POOLS) {
                float[] rows = ScanOrder.toRows(stored.clone(), nx, ny, mode, pool);
                assertThat(rows)
                        .as("mode %d, parallelism %d", mode, pool.parallelism())
                        .isEqualTo(expected);
            }
        }
    }
}
