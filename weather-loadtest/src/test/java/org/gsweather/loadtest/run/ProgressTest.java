package org.gsweather.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gsweather.loadtest.report.Latency;
import org.gsweather.loadtest.scenario.ScenarioOverrides;
import org.gsweather.loadtest.scenario.Scenarios;
import org.gsweather.loadtest.scenario.StagePlan;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StagePlan stage = Scenarios.parse("t", "stages: [{name: c50, duration: 20s}]", ScenarioOverrides.NONE)
            .stages()
            .get(0);
    private final StageMetrics.Snapshot snapshot =
            new StageMetrics.Snapshot(5.0, 123_456, 7, 10_234, new Latency(1.234, 2, 3, 45.6, 50, 60, 1.5));

    @Test
    void theLineShowsRequestsRateErrorsAndPercentilesSoFar() {
        assertThat(Progress.line(stage, snapshot, 0.25))
                .isEqualTo("c50 [#####...............]   5.0s 123,456 req 10,234/s err 7 p50 1.23 ms p99 46 ms");
    }

    @Test
    void withoutATerminalALineIsPrintedEveryFiveSeconds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), Progress.Mode.LINES);
        for (int i = 0; i < 10; i++) {
            p.update(stage, snapshot, 0);
        }
        p.end();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allMatch(l -> l.startsWith("c50 [#####"));
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), Progress.Mode.BAR);
        p.update(stage, snapshot, 0);
        p.update(stage, snapshot, 0);
        p.end();
        String out = err.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rc50 [").contains("\033[K\rc50 [").endsWith("\033[K" + System.lineSeparator());
    }
}
