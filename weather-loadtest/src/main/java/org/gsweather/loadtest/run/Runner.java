package org.gsweather.loadtest.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gsweather.loadtest.http.HttpConnection;
import org.gsweather.loadtest.http.HttpDriver;
import org.gsweather.loadtest.pattern.Patterns;
import org.gsweather.loadtest.pattern.RequestPattern;
import org.gsweather.loadtest.pattern.RequestSource;
import org.gsweather.loadtest.report.Report;
import org.gsweather.loadtest.report.StageReport;
import org.gsweather.loadtest.scenario.LoadModel;
import org.gsweather.loadtest.scenario.ScenarioException;
import org.gsweather.loadtest.scenario.ScenarioPlan;
import org.gsweather.loadtest.scenario.StagePlan;

/** Runs a scenario's stages one after another and reports them. */
public final class Runner {

    /** Seeds of successive stages: each stage's requests depend on the run's seed and its index only. */
    private static final long STAGE_SEED_STEP = 0x9E3779B97F4A7C15L;

    private final ScenarioPlan plan;
    private final StagePatterns patterns;
    private final HttpDriver driver;
    private final Progress progress;
    private final RunControl control;

    /** Builds the request pattern of a stage. */
    public interface StagePatterns {
        /** The pattern of the stage at this index; random ones seeded with {@link #stageSeed}. */
        RequestPattern create(StagePlan stage, int index);
    }

    public Runner(ScenarioPlan plan, StagePatterns patterns, HttpDriver driver, Progress progress, RunControl control) {
        this.plan = plan;
        this.patterns = patterns;
        this.driver = driver;
        this.progress = progress;
        this.control = control;
    }

    /** The seed of the stage at this index. */
    public static long stageSeed(long seed, int index) {
        return seed + index * STAGE_SEED_STEP;
    }

    public Report run(String url) throws InterruptedException {
        String started = Instant.now().toString();
        double[] loadBefore = loadAverage();
        List<StageReport> stages = new ArrayList<>();
        Tally total = new Tally();
        double seconds = 0;
        for (int i = 0; i < plan.stages().size(); i++) {
            StagePlan stage = plan.stages().get(i);
            if (control.interrupted()
                    || control.remainingRequests() <= 0
                    || System.nanoTime() >= control.deadlineNanos()) {
                break;
            }
            Tally into = stage.warmup() ? new Tally() : total;
            StageRun r = runStage(stage, i, into);
            stages.add(r.report());
            if (!stage.warmup()) {
                seconds += r.seconds();
            }
        }
        boolean open = plan.stages().stream().allMatch(s -> s.model() == LoadModel.OPEN);
        return new Report(
                Report.TOOL,
                Report.FORMAT,
                plan.name(),
                plan.description(),
                url,
                plan.service().label(),
                plan.seed(),
                started,
                new Report.Machine(
                        hostName(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        loadBefore,
                        loadAverage()),
                control.interrupted(),
                total.stats(seconds, open),
                stages);
    }

    private record StageRun(StageReport report, double seconds) {}

    private StageRun runStage(StagePlan stage, int index, Tally into) throws InterruptedException {
        RequestPattern pattern = patterns.create(stage, index);
        boolean scheduled = stage.model() == LoadModel.OPEN && Patterns.scheduled(pattern);
        if (stage.model() == LoadModel.OPEN && !scheduled && !(stage.rate() > 0)) {
            throw new ScenarioException("stage " + stage.name() + ": these requests carry no timing of their own (an"
                    + " access log without time stamps?); the open model needs a rate: --rate");
        }
        RequestSource source = new RequestSource(pattern, Math.min(stage.requests(), control.remainingRequests()));
        List<HttpConnection> connections = new ArrayList<>();
        for (int i = 0; i < stage.concurrency(); i++) {
            connections.add(driver.connection());
        }
        StageContext.openAll(connections, plan.timeout().toNanos());
        long start = System.nanoTime();
        StageMetrics metrics = new StageMetrics(start);
        StageContext c = new StageContext(
                stage,
                source,
                scheduled,
                connections,
                metrics,
                control,
                start,
                plan.timeout().toNanos() + 1_000_000_000L);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wx-loadtest-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(
                () -> progress.update(stage, metrics.sample(), source.taken()), 1, 1, TimeUnit.SECONDS);
        try {
            c.run();
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        metrics.sample();
        progress.end();
        control.consumed(c.sent.get());
        double seconds = (c.lastDone.get() - start) / 1e9;
        return new StageRun(metrics.report(stage, seconds, c.unsent, into), seconds);
    }

    /** The system load average over 1, 5 and 15 minutes, or null where the system does not say. */
    static double[] loadAverage() {
        Path p = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(p)) {
                String[] f = Files.readString(p).trim().split("\\s+");
                return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the JVM's one-minute figure
        }
        double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return one < 0 ? null : new double[] {one};
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
