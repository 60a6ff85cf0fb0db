package org.gsweather.loadtest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gsweather.loadtest.http.Endpoint;
import org.gsweather.loadtest.http.HttpDriver;
import org.gsweather.loadtest.pattern.Patterns;
import org.gsweather.loadtest.report.ConsoleReport;
import org.gsweather.loadtest.report.Report;
import org.gsweather.loadtest.report.ReportCsv;
import org.gsweather.loadtest.report.ReportJson;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.Targets;
import org.gsweather.loadtest.reset.ServerReset;
import org.gsweather.loadtest.run.ClientWarmup;
import org.gsweather.loadtest.run.Progress;
import org.gsweather.loadtest.run.RunControl;
import org.gsweather.loadtest.run.Runner;
import org.gsweather.loadtest.scenario.Durations;
import org.gsweather.loadtest.scenario.Regions;
import org.gsweather.loadtest.scenario.ScenarioOverrides;
import org.gsweather.loadtest.scenario.ScenarioPlan;
import org.gsweather.loadtest.scenario.Scenarios;
import org.gsweather.loadtest.scenario.Service;
import org.gsweather.loadtest.scenario.StagePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario against a server and reports it.",
            "SCENARIO is a shipped scenario (wx-loadtest scenarios lists them) or a YAML file. Options override the"
                    + " scenario's settings (stage settings in every stage). Ctrl-C stops the run and prints what it"
                    + " has."
        })
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    WxLoadtest parent;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Shipped scenario name or YAML file.")
    String scenario;

    @Mixin
    ServerOptions server;

    @Option(names = "--layer", paramLabel = "NAME", description = "Layer to request (repeatable).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--service", description = "wmts (KVP GetTile), wmts-rest or wms (GetMap tiles).")
    String service;

    @Option(names = "--style", paramLabel = "SPEC", description = "default, all, or a comma-separated list.")
    String styles;

    @Option(
            names = "--time",
            paramLabel = "SPEC",
            description = "default (no TIME), all, latest, first:N, last:N, or a comma-separated list.")
    String times;

    @Option(names = "--tile-matrix-set", paramLabel = "ID", description = "auto (Web Mercator first) or an id.")
    String tileMatrixSet;

    @Option(names = "--format", paramLabel = "MIME", description = "Tile format (image/png).")
    String format;

    @Option(
            names = "--region",
            paramLabel = "SPEC",
            description = "extent (each layer's), a region name (wx-loadtest regions) or west,south,east,north.")
    String region;

    @Option(names = "--zooms", paramLabel = "MIN-MAX", description = "Zoom levels, e.g. 0-12 or 7.")
    String zooms;

    @Option(names = "--seed", description = "Seed of the random patterns (same seed, same requests).")
    Long seed;

    @Option(names = "--model", description = "closed or open.")
    String model;

    @Option(names = "--concurrency", description = "Clients (closed) or connections (open), every stage.")
    Integer concurrency;

    @Option(names = "--rate", description = "Open model: requests/s (the base rate of stages with a rateFactor).")
    Double rate;

    @Option(names = "--duration", description = "Every stage's duration, e.g. 30s, 10m.")
    String duration;

    @Option(names = "--requests", description = "Every stage's request budget.")
    Long requests;

    @Option(names = "--think-time", description = "Closed model: pause between a client's requests, e.g. 100ms.")
    String thinkTime;

    @Option(names = "--timeout", description = "Request timeout (30s).")
    String timeout;

    @Option(names = "--log", paramLabel = "FILE", description = "Access log to replay (replay scenario).")
    String log;

    @Option(names = "--speed", description = "Replay speed factor over the log's timing (2 = twice as fast).")
    Double speed;

    @Option(names = "--max-requests", description = "Hard bound on the whole run's requests (5,000,000).")
    Long maxRequests;

    @Option(names = "--max-duration", description = "Hard bound on the whole run's time (2h).")
    String maxDuration;

    @Option(names = "--reset", description = "Reset the server first (truncate the layers' caches, plugin reset).")
    boolean reset;

    @Option(names = "--no-reset", description = "Do not reset, even if the scenario asks for it.")
    boolean noReset;

    @Option(names = "--health-timeout", description = "How long a reset waits for the server (60s).")
    String healthTimeout = "60s";

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON ('-' for stdout).")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the report as CSV.")
    Path csv;

    @Option(names = "--progress", description = "auto, bar, lines or none (stderr).")
    String progress = "auto";

    @Option(
            names = "--header",
            paramLabel = "'NAME: VALUE'",
            description = "Extra header on every load request (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--io-threads", description = "Client event loop threads (one per core).")
    int ioThreads;

    @Option(
            names = "--client-warmup",
            description = "Warm the client's code up for this long against a loopback server of its own before the"
                    + " run (2s; 0 to skip). The server under test sees none of it.")
    String clientWarmup = "2s";

    @Option(
            names = "--max-error-rate",
            paramLabel = "PERCENT",
            description = "Exit with status 3 when more requests than this failed, e.g. 1%%.")
    String maxErrorRate;

    @Override
    public Integer call() throws Exception {
        ScenarioPlan plan = Scenarios.load(scenario, overrides());
        Endpoint endpoint = server.endpoint();
        PrintStream out = parent.out;
        PrintStream err = parent.err;
        List<LayerTarget> targets = needsLayers(plan) ? targets(plan, endpoint) : List.of();
        if (reset || (plan.reset() && !noReset)) {
            if (plan.layers().isEmpty()) {
                throw new IllegalArgumentException("reset needs the layers to truncate: --layer NAME");
            }
            new ServerReset(endpoint, server.adminHttp(Duration.ofSeconds(60)), err)
                    .reset(
                            plan.layers(),
                            server.capabilitiesUri(endpoint, plan.service()),
                            Durations.parse(healthTimeout, "--health-timeout"));
        }
        Regions regions = Regions.builtIn();
        RunControl control = new RunControl(plan.maxRequests(), plan.maxDuration());
        Progress.Mode mode = switch (progress) {
            case "bar" -> Progress.Mode.BAR;
            case "lines" -> Progress.Mode.LINES;
            case "none" -> Progress.Mode.NONE;
            case "auto" -> Progress.Mode.auto();
            default -> throw new IllegalArgumentException("--progress " + progress + ": use auto, bar, lines or none");
        };
        Runner.StagePatterns patterns =
                (StagePlan stage, int index) -> stage.pattern().type().equals("replay")
                        ? Patterns.replay(stage.pattern())
                        : Patterns.create(stage.pattern(), targets, regions, Runner.stageSeed(plan.seed(), index));
        Report report;
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    control.interrupt();
                    try {
                        reported.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "wx-loadtest-interrupt");
        ClientWarmup.run(Durations.parse(clientWarmup, "--client-warmup"));
        Runtime.getRuntime().addShutdownHook(hook);
        try (HttpDriver driver = new HttpDriver(endpoint, plan.timeout(), headers(), ioThreads, server.insecure)) {
            report = new Runner(plan, patterns, driver, new Progress(err, mode), control).run(server.url.toString());
            write(report, out);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook has seen the report written
            }
        }
        if (maxErrorRate != null
                && report.total().errorRate() > CompareCommand.fraction(maxErrorRate, "--max-error-rate")) {
            err.printf(
                    java.util.Locale.ROOT,
                    "wx-loadtest: %.3f%% of requests failed, more than --max-error-rate %s%n",
                    100 * report.total().errorRate(),
                    maxErrorRate);
            return WxLoadtest.FAILED_BOUNDS;
        }
        return 0;
    }

    private ScenarioOverrides overrides() {
        return new ScenarioOverrides(
                service,
                layers.isEmpty() ? null : layers,
                styles,
                times,
                tileMatrixSet,
                format,
                region,
                zooms,
                seed,
                model,
                thinkTime,
                timeout,
                concurrency,
                rate,
                duration,
                requests,
                log,
                speed,
                maxRequests,
                maxDuration);
    }

    private static boolean needsLayers(ScenarioPlan plan) {
        return plan.stages().stream().anyMatch(s -> !s.pattern().type().equals("replay"));
    }

    private List<LayerTarget> targets(ScenarioPlan plan, Endpoint endpoint) throws IOException, InterruptedException {
        Regions regions = Regions.builtIn();
        return plan.service() == Service.WMS
                ? Targets.fromWms(plan, server.wms(endpoint), regions)
                : Targets.fromWmts(plan, server.wmts(endpoint), regions);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        for (String s : headers) {
            int colon = s.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header '" + s + "': write 'Name: value'");
            }
            h.put(s.substring(0, colon).trim(), s.substring(colon + 1).trim());
        }
        return h;
    }

    private void write(Report report, PrintStream out) throws IOException {
        boolean jsonToStdout = json != null && json.toString().equals("-");
        ConsoleReport.print(report, jsonToStdout ? parent.err : out);
        if (json != null) {
            if (jsonToStdout) {
                ReportJson.write(report, out);
            } else {
                ReportJson.write(report, json);
            }
        }
        if (csv != null) {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                ReportCsv.write(report, w);
            }
        }
    }
}
