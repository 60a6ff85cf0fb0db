package org.gsweather.loadtest.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wx-loadtest}: load tests WMTS and WMS servers (the {@code bin/wx-loadtest} launcher runs this). */
@Command(
        name = "wx-loadtest",
        mixinStandardHelpOptions = true,
        versionProvider = WxLoadtest.Version.class,
        description = {
            "Load tests WMTS (KVP and REST) and WMS servers with scenarios, reports HDR latency percentiles,"
                    + " errors and GWC cache hits as tables, JSON and CSV, and compares reports.",
            "Exit status: 0 ok, 1 error, 2 usage, 3 regression (compare) or error rate over --max-error-rate (run)."
        },
        subcommands = {
            RunCommand.class,
            ResetCommand.class,
            CompareCommand.class,
            ScenariosCommand.class,
            LayersCommand.class,
            RegionsCommand.class
        })
public final class WxLoadtest {

    /** Exit status of a run or comparison whose results fail the given bounds. */
    public static final int FAILED_BOUNDS = 3;

    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of errors.")
    boolean verbose;

    /** Where reports go. */
    PrintStream out = System.out;

    /** Where progress and messages go. */
    PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        WxLoadtest top = new WxLoadtest();
        top.out = out;
        top.err = err;
        CommandLine cl = new CommandLine(top);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || (parseResult.subcommand() != null
                            && parseResult.subcommand().hasMatchedOption("--verbose"));
            commandLine.getErr().println("wx-loadtest: " + message(e));
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
        return m;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WxLoadtest.class.getPackage().getImplementationVersion();
            return new String[] {"wx-loadtest " + (v != null ? v : "development build")};
        }
    }
}
