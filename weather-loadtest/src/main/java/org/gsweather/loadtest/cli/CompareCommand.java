package org.gsweather.loadtest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gsweather.loadtest.report.Comparison;
import org.gsweather.loadtest.report.Report;
import org.gsweather.loadtest.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compares report B with baseline A (JSON files of run --json) and exits with status 3 on a regression:"
                    + " req/s lower, latency or error rate higher than A by more than the threshold.",
        })
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    WxLoadtest parent;

    @Parameters(index = "0", paramLabel = "A.json", description = "Baseline report.")
    Path a;

    @Parameters(index = "1", paramLabel = "B.json", description = "Candidate report.")
    Path b;

    @Option(names = "--threshold", description = "Allowed change, e.g. 10%% (default) or 0.1.")
    String threshold = "10%";

    @Option(
            names = "--metrics",
            split = ",",
            description = "Metrics to compare: rps, p50, p90, p95, p99, p999, max, mean, errors, hit (default"
                    + " rps,p50,p99,errors).")
    List<String> metrics = Comparison.DEFAULT_METRICS;

    @Option(
            names = "--min-delta-ms",
            description = "Latency changes smaller than this are never regressions (default 0.5 ms).")
    double minDeltaMs = 0.5;

    @Option(names = "--per-layer", description = "Also compare each layer of each stage.")
    boolean perLayer;

    @Override
    public Integer call() {
        Report ra = ReportJson.read(a);
        Report rb = ReportJson.read(b);
        double t = fraction(threshold, "--threshold");
        List<Comparison.Row> rows = Comparison.compare(ra, rb, t, minDeltaMs, metrics, perLayer);
        Comparison.print(rows, a.getFileName().toString(), b.getFileName().toString(), parent.out);
        if (!ra.scenario().equals(rb.scenario())) {
            parent.err.println(
                    "note: the reports are of different scenarios (" + ra.scenario() + ", " + rb.scenario() + ")");
        }
        if (rb.interrupted() || ra.interrupted()) {
            parent.err.println("note: " + (ra.interrupted() ? a : b) + " is of an interrupted run");
        }
        if (Comparison.regressed(rows)) {
            parent.out.printf("regression: B is worse than A by more than %s%n", threshold);
            return WxLoadtest.FAILED_BOUNDS;
        }
        parent.out.printf("no regression beyond %s%n", threshold);
        return 0;
    }

    /** {@code 10%} or {@code 0.1} as a fraction. */
    static double fraction(String text, String option) {
        String s = text.trim();
        try {
            double v = s.endsWith("%")
                    ? Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100
                    : Double.parseDouble(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " '" + text + "': write a percentage like 10% or a fraction" + " like 0.1");
        }
    }
}
