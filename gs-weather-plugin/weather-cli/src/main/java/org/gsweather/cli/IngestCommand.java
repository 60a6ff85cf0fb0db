package org.gsweather.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gsweather.ingest.Ingester;
import org.gsweather.ingest.config.ConfigLoader;
import org.gsweather.ingest.config.IngestConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
        IngestConfig loaded = ConfigLoader.load(config);
        PrintWriter err = spec.commandLine().getErr();
        Ingester.Environment system = Ingester.Environment.system(null);
        Ingester.Environment env =
                new Ingester.Environment(system.clock(), system.sleeper(), null, null, err, system.random());
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
