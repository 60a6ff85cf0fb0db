package org.gsweather.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gsweather.loadtest.report.Reports.report;
import static org.gsweather.loadtest.report.Reports.stage;
import static org.gsweather.loadtest.report.Reports.stats;

import java.util.List;
import org.gsweather.loadtest.report.Comparison.Row;
import org.gsweather.loadtest.report.Comparison.Verdict;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final List<String> DEFAULT = Comparison.DEFAULT_METRICS;

    private static Report run(double rps, double p50, double p99, long errors) {
        Stats s = stats(10_000, errors, rps, p50, p99);
        return report(s, stage("c50", s));
    }

    private static Verdict verdict(List<Row> rows, String scope, String metric) {
        return rows.stream()
                .filter(r -> r.scope().equals(scope) && r.metric().equals(metric))
                .findFirst()
                .orElseThrow()
                .verdict();
    }

    @Test
    void identicalReportsDoNotRegress() {
        List<Row> rows = Comparison.compare(run(3000, 2, 10, 0), run(3000, 2, 10, 0), 0.1, 0.5, DEFAULT, false);
        assertThat(rows).extracting(Row::verdict).containsOnly(Verdict.OK);
        assertThat(Comparison.regressed(rows)).isFalse();
    }

    @Test
    void throughputFallingByMoreThanTheThresholdRegresses() {
        List<Row> rows = Comparison.compare(run(3000, 2, 10, 0), run(2690, 2, 10, 0), 0.1, 0.5, DEFAULT, false);
        assertThat(verdict(rows, "total", "req/s")).isEqualTo(Verdict.REGRESSION);
        assertThat(verdict(rows, "stage c50", "req/s")).isEqualTo(Verdict.REGRESSION);
        assertThat(Comparison.regressed(rows)).isTrue();
        List<Row> within = Comparison.compare(run(3000, 2, 10, 0), run(2710, 2, 10, 0), 0.1, 0.5, DEFAULT, false);
        assertThat(Comparison.regressed(within)).isFalse();
    }

    @Test
    void latencyRegressesBeyondTheThresholdAndTheMinimumDelta() {
        assertThat(verdict(
                        Comparison.compare(run(3000, 2, 10, 0), run(3000, 2, 11.5, 0), 0.1, 0.5, DEFAULT, false),
                        "total",
                        "p99 ms"))
                .isEqualTo(Verdict.REGRESSION);
        // +50% but only 0.3 ms: jitter of a fast tile, not a regression
        assertThat(verdict(
                        Comparison.compare(run(3000, 0.6, 10, 0), run(3000, 0.9, 10, 0), 0.1, 0.5, DEFAULT, false),
                        "total",
                        "p50 ms"))
                .isEqualTo(Verdict.OK);
        assertThat(verdict(
                        Comparison.compare(run(3000, 4, 10, 0), run(3000, 2, 10, 0), 0.1, 0.5, DEFAULT, false),
                        "total",
                        "p50 ms"))
                .isEqualTo(Verdict.BETTER);
    }

    @Test
    void errorsRegressFromNoneToSomeButNotByAFewInAMillion() {
        assertThat(verdict(
                        Comparison.compare(run(3000, 2, 10, 0), run(3000, 2, 10, 50), 0.1, 0.5, DEFAULT, false),
                        "total",
                        "error%"))
                .isEqualTo(Verdict.REGRESSION);
        assertThat(verdict(
                        Comparison.compare(run(3000, 2, 10, 0), run(3000, 2, 10, 5), 0.1, 0.5, DEFAULT, false),
                        "total",
                        "error%"))
                .isEqualTo(Verdict.OK);
    }

    @Test
    void aStageMissingFromTheCandidateRegresses() {
        Stats s = stats(10_000, 0, 3000, 2, 10);
        Report a = report(s, stage("c10", s), stage("c50", s));
        Report b = report(s, stage("c10", s));
        List<Row> rows = Comparison.compare(a, b, 0.1, 0.5, DEFAULT, false);
        assertThat(verdict(rows, "stage c50", "-")).isEqualTo(Verdict.MISSING);
        assertThat(Comparison.regressed(rows)).isTrue();
    }

    @Test
    void perLayerAndExtraMetricsOnRequest() {
        List<Row> rows =
                Comparison.compare(run(3000, 2, 10, 0), run(3000, 2, 10, 0), 0.1, 0.5, List.of("p95", "hit"), true);
        assertThat(rows).extracting(Row::scope).contains("stage c50 layer wx:t2m");
        assertThat(rows).extracting(Row::metric).containsOnly("p95 ms", "hit%");
        assertThatThrownBy(() -> Comparison.compare(run(1, 1, 1, 0), run(1, 1, 1, 0), 0.1, 0.5, List.of("p42"), false))
                .hasMessage("no metric 'p42'; compare knows rps, p50, p90, p95, p99, p999, max, mean, errors, hit");
    }
}
