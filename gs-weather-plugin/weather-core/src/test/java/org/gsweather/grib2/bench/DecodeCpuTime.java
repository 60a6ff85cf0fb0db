package org.gsweather.grib2.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.testing.TestData;

/**
 * Thread CPU time of our single-threaded decode of one field, for profiling on a machine whose cores are
 * shared with other work (where wall-clock times carry wide errors). Usage: {@code DecodeCpuTime
 * RELATIVE_PATH:FIELD [RUNS]}; prints the best and the median CPU milliseconds after warming up. The
 * comparison with ecCodes is {@code bin/bench-decode} ({@link DecodeComparison}).
 */
public final class DecodeCpuTime {
    private DecodeCpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String[] parts = args[0].split(":");
        try (Grib2File file = Grib2File.open(TestData.file(parts[0]))) {
            Grib2Field field = file.field(Integer.parseInt(parts[1]));
            for (int k = 0; k < Math.max(10, runs / 2); k++) {
                field.read();
            }
            double[] ms = new double[runs];
            for (int k = 0; k < runs; k++) {
                long t0 = threads.getCurrentThreadCpuTime();
                field.read();
                ms[k] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    "%s: CPU best %.2f ms, median %.2f ms over %d decodes%n", args[0], ms[0], ms[runs / 2], runs);
        }
    }
}
