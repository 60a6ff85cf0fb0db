package org.gsweather.cli;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gsweather.ingest.Ingester;
import org.gsweather.ingest.MetricsEndpoint;
import org.gsweather.ingest.config.ConfigLoader;
import org.gsweather.ingest.config.IngestConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Keep store directories fed with the latest HRRR, GFS, NAM, MRMS and GOES from NOAA's open data"
                + " (or NOMADS, or a mirror): only the configured fields, by byte ranges, verified, placed atomically,"
                + " old runs aged out. Progress on stderr; a JSON status file. See docs/ingest.md.")
final class IngestCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "YAML configuration (docs/ingest.md)")
    Path config;

    @Option(
            names = "--metrics",
            paramLabel = "[HOST:]PORT",
            description = "Serve the ingest's counters and freshness gauges for Prometheus at"
                    + " http://HOST:PORT/metrics while it runs (HOST 127.0.0.1 unless given; 0.0.0.0 for every"
                    + " interface). See docs/metrics.md.")
    String metrics;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(
                names = "--once",
                required = true,
                description = "Fetch what is published now (the newest model runs, the volumes and scans of the"
                        + " lookback window) and exit; status 1 when something failed.")
        boolean once;

        @Option(
                names = "--follow",
                required = true,
                description = "Poll each source at its cadence until stopped (SIGTERM, Ctrl-C); downloads cut short"
                        + " resume at the next start.")
        boolean follow;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        InetSocketAddress metricsAddress = metrics == null ? null : address(metrics);
        IngestConfig loaded = ConfigLoader.load(config);
        PrintWriter err = spec.commandLine().getErr();
        try (MetricsEndpoint endpoint = metricsAddress == null ? null : MetricsEndpoint.start(metricsAddress)) {
            if (endpoint != null) {
                err.println("wx ingest: meters at http://" + endpoint.address().getHostString() + ":"
                        + endpoint.address().getPort() + "/metrics");
            }
            return run(loaded, err, endpoint == null ? null : endpoint.registry());
        }
    }

    private InetSocketAddress address(String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon);
        String port = value.substring(colon + 1);
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535 || host.isEmpty()) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host, p);
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    spec.commandLine(), "--metrics: '" + value + "' is not [HOST:]PORT, e.g. 9465 or 0.0.0.0:9465");
        }
    }

    private Integer run(IngestConfig loaded, PrintWriter err, MeterRegistry registry) throws Exception {
        Ingester.Environment system = Ingester.Environment.system(registry);
        Ingester.Environment env =
                new Ingester.Environment(system.clock(), system.sleeper(), null, registry, err, system.random());
        try (Ingester ingester = new Ingester(loaded, env)) {
            if (mode.once) {
                return ingester.runOnce() ? 0 : 1;
            }
            AtomicBoolean stop = new AtomicBoolean();
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                stop.set(true);
                main.interrupt();
                try {
                    main.join(TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                ingester.follow(stop::get);
            } catch (InterruptedException e) {
                err.println("wx ingest: stopped; downloads in progress resume at the next start");
            }
            return 0;
        }
    }
}
