package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;

/** One open file decoded by many threads at once gives every thread the same values. */
class Grib2ConcurrencyTest {

    @Test
    void concurrentDecodesOfSharedFieldsAgree() throws Exception {
        try (Grib2File file = Grib2File.open(TestData.file("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2"))) {
            List<float[]> expected = new ArrayList<>();
            for (int n = 1; n <= 40; n++) {
                expected.add(file.field(n).read());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int offset = t;
                    Callable<Boolean> task = () -> {
                        for (int round = 0; round < 5; round++) {
                            for (int k = 0; k < 40; k++) {
                                int n = (k + offset * 5) % 40;
                                if (!java.util.Arrays.equals(file.field(n + 1).read(), expected.get(n))) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    };
                    runs.add(pool.submit(task));
                }
                for (Future<Boolean> r : runs) {
                    assertThat(r.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
