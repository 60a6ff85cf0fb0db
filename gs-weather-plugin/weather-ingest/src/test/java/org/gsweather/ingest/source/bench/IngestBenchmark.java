package org.gsweather.ingest.source.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gsweather.ingest.source.OneFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to ingest one file from a loopback server (inventory, ranges, write, verification, rename), per
 * case of {@link OneFile.Case}. {@code bin/bench -m weather-ingest IngestBenchmark}; add {@code -prof gc}
 * for allocation. For CPU time on a shared machine see {@link IngestCpuTime}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class IngestBenchmark {
    @Param({"HRRR_ONE_FIELD", "GFS_TEN_FIELDS"})
    public String file;

    private Path dir;
    private OneFile oneFile;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("ingest-bench");
        oneFile = new OneFile(OneFile.Case.valueOf(file), dir);
    }

    @Benchmark
    public long ingest() throws Exception {
        return oneFile.ingest();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        oneFile.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
