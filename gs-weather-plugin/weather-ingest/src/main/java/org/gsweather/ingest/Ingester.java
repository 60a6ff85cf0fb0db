package org.gsweather.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.gsweather.ingest.config.GoesSourceConfig;
import org.gsweather.ingest.config.IngestConfig;
import org.gsweather.ingest.config.ModelSourceConfig;
import org.gsweather.ingest.config.MrmsSourceConfig;
import org.gsweather.ingest.config.SourceConfig;
import org.gsweather.ingest.http.BandwidthLimiter;
import org.gsweather.ingest.http.Fetcher;
import org.gsweather.ingest.http.Sleeper;
import org.gsweather.ingest.http.TransferListener;
import org.gsweather.ingest.source.FileResult;
import org.gsweather.ingest.source.GoesSource;
import org.gsweather.ingest.source.ModelSource;
import org.gsweather.ingest.source.MrmsSource;
import org.gsweather.ingest.source.Outcome;
import org.gsweather.ingest.source.PollReport;
import org.gsweather.ingest.source.Source;
import org.gsweather.ingest.source.SourceContext;
import org.gsweather.ingest.source.SourceEvents;

/**
 * Keeps store directories fed: polls each configured source once ({@link #runOnce()}) or at its own
 * cadence until told to stop ({@link #follow(BooleanSupplier)}), applies each source's retention after
 * each poll, writes the status file, counts, and prints progress.
 */
public final class Ingester implements AutoCloseable {
    /**
     * What the ingester runs on; tests give a fixed clock, a sleeper that advances it, and no progress stream.
     *
     * @param clock the time (run discovery, retention, Retry-After dates, rates)
     * @param sleeper backoffs, pacing and the pause between polls
     * @param httpClient the client, or null for one built from the configuration
     * @param registry meters, or null for none
     * @param progress where progress lines go (stderr), or null for none
     * @param random jitter of backoffs
     */
    public record Environment(
            Clock clock,
            Sleeper sleeper,
            HttpClient httpClient,
            MeterRegistry registry,
            PrintWriter progress,
            Random random) {

        /** The system clock, real sleeping, progress on stderr. */
        public static Environment system(MeterRegistry registry) {
            return new Environment(
                    Clock.systemUTC(),
                    Sleeper.system(),
                    null,
                    registry,
                    new PrintWriter(System.err, true),
                    new Random());
        }
    }

    private final IngestConfig config;
    private final Environment env;
    private final List<Source> sources;
    private final Fetcher fetcher;
    private final ExecutorService downloads;
    private final IngestMetrics metrics;
    private final IngestStatus status;
    private final Progress progress;

    public Ingester(IngestConfig config, Environment env) {
        this.config = config;
        this.env = env;
        this.sources = new ArrayList<>();
        config.sources().forEach((name, s) -> sources.add(source(name, s)));
        HttpClient client = env.httpClient() != null
                ? env.httpClient()
                : Fetcher.client(config.connectTimeout().duration());
        BandwidthLimiter limiter = config.bandwidth() == null
                ? null
                : new BandwidthLimiter(config.bandwidth().bytes(), env.clock(), env.sleeper());
        this.fetcher = new Fetcher(
                client,
                new Fetcher.Settings(
                        config.connectTimeout().duration(),
                        config.readTimeout().duration(),
                        config.retries().policy(),
                        config.userAgent()),
                env.clock(),
                env.sleeper(),
                limiter,
                env.random());
        this.downloads = Executors.newFixedThreadPool(config.concurrency(), daemon("wx-ingest-download"));
        this.metrics = new IngestMetrics(env.registry());
        this.status = new IngestStatus(
                config.statusFile(), sources.stream().map(Source::name).toList());
        this.progress = new Progress(env.progress(), env.clock());
        sources.forEach(s -> metrics.of(s.name()));
    }

    private static Source source(String name, SourceConfig config) {
        if (config instanceof ModelSourceConfig m) {
            return new ModelSource(name, m);
        }
        if (config instanceof MrmsSourceConfig m) {
            return new MrmsSource(name, m);
        }
        return new GoesSource(name, (GoesSourceConfig) config);
    }

    /** Daemon threads named {@code PREFIX-1}, {@code PREFIX-2}...: none of them keeps the process alive. */
    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public List<Source> sources() {
        return List.copyOf(sources);
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /**
     * Polls every source once (the newest model runs, the radar volumes and scans of the lookback window),
     * together, then applies retention.
     *
     * @return true when nothing failed
     */
    public boolean runOnce() throws InterruptedException {
        ExecutorService pollers = Executors.newFixedThreadPool(sources.size(), daemon("wx-ingest-poll"));
        try {
            List<java.util.concurrent.Future<Boolean>> polls = new ArrayList<>();
            for (Source s : sources) {
                polls.add(pollers.submit(() -> pollOnce(s, true)));
            }
            boolean ok = true;
            for (var f : polls) {
                try {
                    ok &= f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    ok = false;
                }
            }
            return ok;
        } catch (InterruptedException e) {
            pollers.shutdownNow();
            throw e;
        } finally {
            pollers.shutdownNow();
        }
    }

    /**
     * Follows every source at its own poll interval until {@code stop} says so (checked before each poll)
     * or the thread is interrupted. Downloads interrupted by a stop leave their partial files for the next
     * start to resume.
     */
    public void follow(BooleanSupplier stop) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Source s : sources) {
            Thread t = new Thread(
                    () -> {
                        try {
                            while (!stop.getAsBoolean()
                                    && !Thread.currentThread().isInterrupted()) {
                                pollOnce(s, false);
                                if (stop.getAsBoolean()) {
                                    break;
                                }
                                env.sleeper().sleep(s.pollInterval());
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "wx-ingest-follow-" + s.name());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
            throw e;
        }
    }

    /** One poll of one source, then its retention and the status file; true when nothing failed. */
    boolean pollOnce(Source source, boolean once) throws InterruptedException {
        String name = source.name();
        IngestMetrics.Counters counters = metrics.of(name);
        SourceContext context = new SourceContext(
                fetcher, downloads, config.concurrency(), config.mergeGap().bytes(), env.clock(), events());
        PollReport report;
        try {
            report = source.poll(context, once);
        } catch (RuntimeException e) {
            report = new PollReport(null, false, List.of(), List.of(String.valueOf(e)));
        }
        Instant now = env.clock().instant();
        boolean ok = report.ok();
        for (String problem : report.problems()) {
            counters.pollProblems.add(1);
            status.error(name, now, problem);
            if (env.progress() != null) {
                env.progress().println(name + ": error: " + problem);
            }
        }
        if (report.latestRun() == null && report.problems().isEmpty() && env.progress() != null) {
            env.progress().println(name + ": nothing published in the lookback window");
        }
        try {
            List<String> deleted = source.retention().apply(source.store(), source::runOf, now);
            if (!deleted.isEmpty() && env.progress() != null) {
                env.progress()
                        .println(name + ": retention removed " + deleted.size() + " file"
                                + (deleted.size() == 1 ? "" : "s"));
            }
        } catch (IOException | RuntimeException e) {
            ok = false;
            counters.pollProblems.add(1);
            status.error(name, now, "retention: " + e.getMessage());
        }
        counters.polled(now, report.latestRun());
        status.polled(name, now, report.latestRun(), report.latestComplete(), counters);
        try {
            status.write(now);
        } catch (IOException e) {
            if (env.progress() != null) {
                env.progress()
                        .println("wx ingest: cannot write the status file " + config.statusFile() + ": "
                                + e.getMessage());
            }
        }
        return ok;
    }

    private SourceEvents events() {
        return new Events();
    }

    /** Routes source events to progress, status and counters. */
    private final class Events implements SourceEvents, SourceContext.TransferCounters {
        @Override
        public void runStarted(String source, Instant run, int files, int present) {
            progress.runStarted(source, run, files, present);
        }

        @Override
        public void file(String source, FileResult result) {
            IngestMetrics.Counters c = metrics.of(source);
            Instant now = env.clock().instant();
            if (result.outcome() == Outcome.INGESTED) {
                c.placed(now);
                status.ingested(source, now);
                if (result.message() != null) {
                    status.error(source, now, result.name() + ": " + result.message());
                }
            } else if (result.outcome() == Outcome.FAILED) {
                c.errors.add(1);
                status.error(source, now, result.name() + ": " + result.message());
            }
            progress.file(source, result);
        }

        @Override
        public TransferListener transfers(String source) {
            return metrics.of(source);
        }
    }

    @Override
    public void close() {
        downloads.shutdownNow();
        fetcher.close();
    }
}
