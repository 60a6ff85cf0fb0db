package org.gsweather.ingest.source.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gsweather.ingest.source.OneFile;

/**
 * CPU time of ingesting one file from a loopback server, for a machine whose cores are shared (where
 * wall-clock times carry wide errors). The ingesting thread's CPU is everything but the transfer itself
 * (inventory, selection, ranges, copying into the partial file, verification, rename): the sockets are
 * read by the HTTP client's selector thread, and the server runs on threads of its own. The process CPU
 * per file adds those. Usage: {@code IngestCpuTime [HRRR_ONE_FIELD|GFS_TEN_FIELDS] [RUNS]}.
 */
public final class IngestCpuTime {
    private IngestCpuTime() {}

    public static void main(String[] args) throws Exception {
        OneFile.Case c = OneFile.Case.valueOf(args.length > 0 ? args[0] : "HRRR_ONE_FIELD");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("ingest-cpu");
        try (OneFile file = new OneFile(c, dir)) {
            long bytes = 0;
            for (int k = 0; k < Math.max(20, runs / 2); k++) {
                bytes = file.ingest();
            }
            double[] thread = new double[runs];
            double[] process = new double[runs];
            double[] wall = new double[runs];
            for (int k = 0; k < runs; k++) {
                long t0 = threads.getCurrentThreadCpuTime();
                long p0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                file.ingest();
                wall[k] = (System.nanoTime() - w0) / 1e6;
                process[k] = (os.getProcessCpuTime() - p0) / 1e6;
                thread[k] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            Arrays.sort(thread);
            Arrays.sort(process);
            Arrays.sort(wall);
            System.out.printf(
                    "%s (%d bytes placed): ingesting thread CPU median %.2f ms (best %.2f), process CPU median %.2f ms,"
                            + " wall median %.2f ms, over %d files%n",
                    c, bytes, thread[runs / 2], thread[0], process[runs / 2], wall[runs / 2], runs);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
