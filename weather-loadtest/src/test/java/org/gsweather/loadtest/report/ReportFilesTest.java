package org.gsweather.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gsweather.loadtest.report.Reports.report;
import static org.gsweather.loadtest.report.Reports.stage;
import static org.gsweather.loadtest.report.Reports.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    private final Stats s = stats(10_000, 20, 2500, 1.25, 9.5);
    private final Report r = report(s, stage("c50", s));

    @Test
    void jsonReadsBackAsWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.json");
        ReportJson.write(r, f);
        Report back = ReportJson.read(f);
        assertThat(back.total()).isEqualTo(r.total());
        assertThat(back.stages()).isEqualTo(r.stages());
        assertThat(back.machine().loadBefore()).containsExactly(1, 1, 1);
    }

    @Test
    void jsonCarriesTheDerivedRatesForScripts(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.json");
        ReportJson.write(r, f);
        JsonNode total = new ObjectMapper().readTree(f.toFile()).get("total");
        assertThat(total.get("errorRate").asDouble()).isEqualTo(0.002);
        assertThat(total.get("hitRatio").asDouble()).isEqualTo(0.9);
        assertThat(total.get("latencyMs").get("p99").asDouble()).isEqualTo(9.5);
        assertThat(total.get("errorsByKind").get("http_500").asLong()).isEqualTo(20);
    }

    @Test
    void anythingElseIsNotAReport(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"tool\": \"wrk\"}");
        assertThatThrownBy(() -> ReportJson.read(f)).hasMessage(f + ": not a wx-loadtest report");
        assertThatThrownBy(() -> ReportJson.read(dir.resolve("none.json")))
                .hasMessage(dir.resolve("none.json") + ": no such file");
    }

    @Test
    void csvHasARowPerStageLayerZoomAndTheRun() throws Exception {
        StringWriter w = new StringWriter();
        ReportCsv.write(r, w);
        String[] lines = w.toString().split("\n");
        assertThat(lines[0]).isEqualTo(ReportCsv.HEADER);
        assertThat(lines).hasSize(5);
        assertThat(lines[1])
                .isEqualTo("c50,total,,10000,20,0.002,2500,1.25,1.875,2.25,9.5,11.4,19,1.375,10000000,9000,1000,0.9");
        assertThat(lines[2]).startsWith("c50,layer,wx:t2m,");
        assertThat(lines[3]).startsWith("c50,zoom,3,");
        assertThat(lines[4]).startsWith("*,total,,");
    }

    @Test
    void theConsoleTableShowsPercentilesErrorsAndHits() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleReport.print(r, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("stage c50: closed model, 10 clients, zipf pattern, 4.0 s");
        assertThat(text).containsPattern("total +10,000 +2,500.0 +1.25 +1.88 +2.25 +9.50 +11.40 +19.00 +20 +90.0");
        assertThat(text).contains("errors http_500: 20");
    }
}
