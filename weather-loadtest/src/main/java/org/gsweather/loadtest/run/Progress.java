package org.gsweather.loadtest.run;

import java.io.PrintStream;
import java.util.Locale;
import org.gsweather.loadtest.report.Latency;
import org.gsweather.loadtest.scenario.StagePlan;

/**
 * The live progress line on stderr: a bar redrawn in place on a terminal, a line every few seconds otherwise (logs,
 * CI), or nothing.
 */
public final class Progress {

    public enum Mode {
        BAR,
        LINES,
        NONE;

        /** BAR on a terminal, LINES otherwise. */
        public static Mode auto() {
            return System.console() != null ? BAR : LINES;
        }
    }

    private static final int LINE_EVERY_SECONDS = 5;
    private static final int BAR_WIDTH = 20;

    private final PrintStream err;
    private final Mode mode;
    private int ticks;
    private boolean drawn;

    public Progress(PrintStream err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    void update(StagePlan stage, StageMetrics.Snapshot s, long taken) {
        if (mode == Mode.NONE) {
            return;
        }
        ticks++;
        if (mode == Mode.LINES && ticks % LINE_EVERY_SECONDS != 0) {
            return;
        }
        double byTime = s.elapsedSeconds() / (stage.duration().toNanos() / 1e9);
        double byRequests = stage.requests() == Long.MAX_VALUE ? 0 : (double) taken / stage.requests();
        String line = line(stage, s, Math.min(1, Math.max(byTime, byRequests)));
        if (mode == Mode.BAR) {
            err.print("\r" + line + "\033[K");
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the bar's line so what follows starts on a fresh one. */
    void end() {
        if (drawn) {
            err.println();
            drawn = false;
        }
        ticks = 0;
    }

    static String line(StagePlan stage, StageMetrics.Snapshot s, double fraction) {
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        Latency l = s.latency();
        return String.format(
                Locale.ROOT,
                "%s [%s%s] %5.1fs %,d req %,d/s err %,d p50 %s p99 %s",
                stage.name(),
                "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled),
                s.elapsedSeconds(),
                s.requests(),
                s.lastSecondRequests(),
                s.errors(),
                l == null ? "-" : ms(l.p50()),
                l == null ? "-" : ms(l.p99()));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f ms" : "%.0f ms", v);
    }
}
