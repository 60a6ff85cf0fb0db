package org.gsweather.grib2.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.gsweather.field.DecodePool;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.testing.TestData;

/**
 * Our GRIB2 decoding and ecCodes' side by side in one run, on the same messages: {@code bin/bench-decode}.
 * For each field the two sides take turns, a few decodes at a time, until each has decoded it for the
 * time budget; the table gives the median and the minimum wall-clock time of a decode, the median thread
 * CPU time, and the machine's load average before and after the field.
 *
 * <p>Ours is {@link Grib2Field#read()} of a field of an opened (memory-mapped, indexed) file on one
 * thread, and {@link Grib2Field#read(DecodePool)} with {@link DecodePool#shared()} (one thread per
 * processor; its CPU column adds the pool threads' CPU time to the caller's). ecCodes is its C API in a
 * separate process ({@code src/test/c/eccodes_decode.c}): {@code
 * codes_handle_new_from_message} on the message held in memory, {@code codes_get_double_array} of the
 * values, {@code codes_handle_delete}.
 *
 * <p>ecCodes is timed from C, not through python3-eccodes: the Python binding copies the values into a
 * new numpy array on every call, which doubled ecCodes' time on the 1.04 million values of GDAS 0.25
 * (13.4 ms of thread CPU against 6.3 ms for the same decode from C, measured side by side).
 *
 * <p>Usage: {@code DecodeComparison ECCODES_DECODE [--seconds S] [--only REGEX]}.
 */
public final class DecodeComparison {

    /** A field of a test file and what the table calls it. */
    record Case(String name, String packing, String file, int field) {}

    static final List<Case> CASES = List.of(
            new Case("GFS/GDAS 0.25 deg 1440x721 TMP", "5.3", "grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.12.xz", 1),
            new Case("HRRR 1799x1059 TMP", "5.3", "grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", 1),
            new Case(
                    "MRMS 7000x3500 reflectivity",
                    "5.41 PNG",
                    "grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz",
                    1),
            new Case(
                    "CMC GDPS 1500x751 TMP",
                    "5.40 JPEG 2000",
                    "grib2/grib-rs/CMC_glb_TMP_ISBL_1_latlon.24x.24_2021051800_P000.grib2",
                    1),
            new Case(
                    "CMC HRDPS 2540x1290 CAPE",
                    "5.40 JPEG 2000",
                    "grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2",
                    1),
            new Case("ECMWF 900x451 Z", "5.42 CCSDS", "grib2/grib-rs/20240101000000-0h-oper-fc.grib2.0-10.xz", 1),
            new Case("HRRR 1799x1059 UGRD", "5.0", "grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2", 1),
            new Case("NDFD 2145x1377 critical fire", "5.2, missing values", "grib2/grib-rs/ds.critfireo.bin.xz", 1),
            new Case("NDFD 2145x1377 min RH", "5.3, missing values", "grib2/grib-rs/ds.minrh.bin.xz", 1));

    /** Decodes of one side in a row before the other side's turn: about this long. */
    private static final long TURN_NANOS = 100_000_000L;

    private static final int MIN_DECODES = 11;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecodeComparison() {}

    /** Wall-clock and CPU nanoseconds of each decode. */
    static final class Times {
        private long[] wall = new long[64];
        private long[] cpu = new long[64];
        private int n;

        void add(long wallNanos, long cpuNanos) {
            if (n == wall.length) {
                wall = Arrays.copyOf(wall, 2 * n);
                cpu = Arrays.copyOf(cpu, 2 * n);
            }
            wall[n] = wallNanos;
            cpu[n] = cpuNanos;
            n++;
        }

        int count() {
            return n;
        }

        long total() {
            long t = 0;
            for (int k = 0; k < n; k++) {
                t += wall[k];
            }
            return t;
        }

        double medianWall() {
            return median(wall);
        }

        double minWall() {
            return Arrays.stream(wall, 0, n).min().orElse(0) / 1e6;
        }

        double medianCpu() {
            return median(cpu);
        }

        private double median(long[] a) {
            long[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1e6;
        }
    }

    /** The ecCodes process: decodes field N K times on request. */
    static final class Eccodes implements AutoCloseable {
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;
        final String version;
        final long[] counts;

        Eccodes(Path program, List<Path> files, List<Case> cases) throws IOException {
            List<String> command = new ArrayList<>(List.of(program.toString()));
            for (int k = 0; k < cases.size(); k++) {
                command.add(files.get(k) + ":" + cases.get(k).field());
            }
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.US_ASCII);
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            version = line();
            counts = new long[cases.size()];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = Long.parseLong(line().split(" ")[0]);
            }
        }

        void decode(int field, int times, Times into) throws IOException {
            commands.println(field + " " + times);
            String[] t = line().split(" ");
            for (int k = 0; k + 1 < t.length; k += 2) {
                into.add(Long.parseLong(t[k]), Long.parseLong(t[k + 1]));
            }
        }

        private String line() throws IOException {
            String line = answers.readLine();
            if (line == null) {
                throw new IOException("the ecCodes process ended (exit status " + waitFor() + ")");
            }
            return line;
        }

        private int waitFor() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public void close() {
            commands.println("Q");
            commands.close();
            if (waitFor() != 0) {
                System.err.println("the ecCodes process exited with status " + process.exitValue());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DecodeComparison ECCODES_DECODE [--seconds S] [--only REGEX]");
            System.exit(2);
        }
        Path program = Path.of(args[0]);
        double seconds = 6;
        Pattern only = null;
        for (int k = 1; k < args.length; k++) {
            switch (args[k]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++k]);
                case "--only" -> only = Pattern.compile(args[++k]);
                default -> {
                    System.err.println("unknown option " + args[k]);
                    System.exit(2);
                }
            }
        }
        List<Case> cases = new ArrayList<>();
        for (Case c : CASES) {
            if (only == null || only.matcher(c.name() + " " + c.packing()).find()) {
                cases.add(c);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Case c : cases) {
            files.add(TestData.file(c.file()));
        }
        long budget = (long) (seconds * 1e9);
        List<String> rows = new ArrayList<>();
        String startLoad = loadAverage();
        try (Eccodes eccodes = new Eccodes(program, files, cases)) {
            System.out.println(header(eccodes.version));
            System.out.println();
            System.out.println("load average at start: " + startLoad);
            for (int k = 0; k < cases.size(); k++) {
                Case c = cases.get(k);
                try (Grib2File file = Grib2File.open(files.get(k))) {
                    Grib2Field field = file.field(c.field());
                    String before = loadAverage().split(" ")[0];
                    if (field.read().length != eccodes.counts[k]) {
                        throw new IllegalStateException(c.name() + ": ecCodes decodes " + eccodes.counts[k]
                                + " values, we " + field.read().length);
                    }
                    Times ours = new Times();
                    Times parallel = new Times();
                    Times theirs = new Times();
                    warmUp(field, eccodes, k);
                    long oursEach = estimate(field);
                    int oursTurn = (int) Math.max(1, TURN_NANOS / oursEach);
                    long parallelEach = estimateParallel(field);
                    int parallelTurn = (int) Math.max(1, TURN_NANOS / parallelEach);
                    Times probe = new Times();
                    eccodes.decode(k, 1, probe);
                    int theirsTurn = (int) Math.max(1, TURN_NANOS / Math.max(1, (long) (probe.medianWall() * 1e6)));
                    for (int round = 0;
                            ours.total() + parallel.total() + theirs.total() < 3 * budget
                                    || ours.count() < MIN_DECODES
                                    || parallel.count() < MIN_DECODES
                                    || theirs.count() < MIN_DECODES;
                            round++) {
                        // each side goes first, second and last in turn
                        for (int turn = 0; turn < 3; turn++) {
                            switch ((round + turn) % 3) {
                                case 0 -> decodeOurs(field, oursTurn, ours);
                                case 1 -> decodeParallel(field, parallelTurn, parallel);
                                default -> eccodes.decode(k, theirsTurn, theirs);
                            }
                        }
                    }
                    String after = loadAverage().split(" ")[0];
                    String row = row(c, eccodes.counts[k], theirs, ours, parallel, before + " / " + after);
                    rows.add(row);
                    System.err.println(row);
                }
            }
        }
        System.out.println("load average at end: " + loadAverage());
        System.out.println();
        System.out.println(tableHeader());
        rows.forEach(System.out::println);
    }

    private static void warmUp(Grib2Field field, Eccodes eccodes, int k) throws IOException {
        long end = System.nanoTime() + 3_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end || n < 20) {
            field.read();
            field.read(DecodePool.shared());
            n++;
        }
        eccodes.decode(k, 3, new Times());
    }

    private static long estimate(Grib2Field field) throws IOException {
        long t0 = System.nanoTime();
        for (int k = 0; k < 3; k++) {
            field.read();
        }
        return Math.max(1, (System.nanoTime() - t0) / 3);
    }

    private static long estimateParallel(Grib2Field field) throws IOException {
        long t0 = System.nanoTime();
        for (int k = 0; k < 3; k++) {
            field.read(DecodePool.shared());
        }
        return Math.max(1, (System.nanoTime() - t0) / 3);
    }

    /** Decodes with the shared pool; CPU time is the caller's and the pool threads'. */
    private static void decodeParallel(Grib2Field field, int times, Times into) throws IOException {
        long[] helpers = poolThreads();
        for (int k = 0; k < times; k++) {
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime() + cpu(helpers);
            field.read(DecodePool.shared());
            long c1 = THREADS.getCurrentThreadCpuTime() + cpu(helpers);
            into.add(System.nanoTime() - w0, c1 - c0);
        }
    }

    /** Ids of the shared pool's threads (they start on first use and end after 30 s idle). */
    private static long[] poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("gsweather-decode-"))
                .mapToLong(Thread::getId)
                .toArray();
    }

    private static long cpu(long[] threads) {
        long sum = 0;
        for (long id : threads) {
            sum += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return sum;
    }

    private static void decodeOurs(Grib2Field field, int times, Times into) throws IOException {
        for (int k = 0; k < times; k++) {
            long w0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            field.read();
            long c1 = THREADS.getCurrentThreadCpuTime();
            into.add(System.nanoTime() - w0, c1 - c0);
        }
    }

    static String tableHeader() {
        int threads = DecodePool.shared().parallelism();
        return ("| field | packing | values | ecCodes ms | ours ms, 1 thread | ours ms, %d threads"
                        + " | ecCodes / ours, 1 thread | ecCodes / ours, %d threads"
                        + " | CPU ms: ecCodes / ours 1 / ours %d | decodes | load |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|")
                .formatted(threads, threads, threads);
    }

    private static String row(Case c, long values, Times eccodes, Times ours, Times parallel, String load) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %s | %s | %s | %.2fx | %.2fx | %s / %s / %s | %d / %d / %d | %s |",
                c.name(),
                c.packing(),
                values,
                times(eccodes),
                times(ours),
                times(parallel),
                eccodes.medianWall() / ours.medianWall(),
                eccodes.medianWall() / parallel.medianWall(),
                ms(eccodes.medianCpu()),
                ms(ours.medianCpu()),
                ms(parallel.medianCpu()),
                eccodes.count(),
                ours.count(),
                parallel.count(),
                load);
    }

    /** "median (min)" wall-clock milliseconds. */
    private static String times(Times t) {
        return String.format(Locale.ROOT, "%s (%s)", ms(t.medianWall()), ms(t.minWall()));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
    }

    private static String header(String eccodesVersion) throws IOException {
        String cpu = "?";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                cpu = line.substring(line.indexOf(':') + 1).trim();
                break;
            }
        }
        return String.format(
                Locale.ROOT,
                "bin/bench-decode %s: %d CPUs (%s), Java %s, %s (C API); medians (minimum) of wall-clock"
                        + " ms per decode, ratio of the medians; CPU = thread CPU time, median",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(),
                cpu,
                System.getProperty("java.runtime.version"),
                eccodesVersion);
    }

    /** The first three fields of {@code /proc/loadavg}: load averages over 1, 5 and 15 minutes. */
    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
