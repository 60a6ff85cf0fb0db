package org.gsweather.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wx}: inspect, decode and locate weather data files (the {@code bin/wx} launcher runs this). */
@Command(
        name = "wx",
        mixinStandardHelpOptions = true,
        versionProvider = Wx.Version.class,
        description = "Inspect, decode, locate and render fields of GRIB2 and NetCDF files; ingest NOAA open data.",
        subcommands = {
            InspectCommand.class,
            DecodeCommand.class,
            LocateCommand.class,
            RenderCommand.class,
            IngestCommand.class
        })
public final class Wx {

    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of errors.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; returns the exit status (0 ok, 1 error, 2 usage). */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Wx());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || (parseResult.subcommand() != null
                            && parseResult.subcommand().hasMatchedOption("--verbose"));
            commandLine.getErr().println("wx: " + message(e));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        return cl.execute(args);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return m + ": no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return m + ": permission denied";
        }
        return m;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Wx.class.getPackage().getImplementationVersion();
            return new String[] {"wx " + (v != null ? v : "development build")};
        }
    }
}
