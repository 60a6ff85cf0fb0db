package org.gsweather.loadtest.pattern;

import java.util.List;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.request.RequestLabels;

/**
 * The requests of an access log in log order. With time stamps, each request is due at its offset from the first
 * divided by the speed; requests logged in the same second are spread evenly over it (logs keep whole seconds).
 * Without time stamps they are unscheduled. With loop, the log starts over, a second after its last request.
 */
final class ReplayPattern implements RequestPattern {
    private final List<AccessLogEntry> entries;
    private final long[] due;
    private final boolean loop;
    private final long span;
    private int next;
    private long offset;

    ReplayPattern(List<AccessLogEntry> entries, double speed, boolean loop) {
        this.entries = List.copyOf(entries);
        this.loop = loop;
        this.due = schedule(this.entries, speed);
        this.span = due.length == 0 || due[0] == PlannedRequest.UNSCHEDULED
                ? 0
                : due[due.length - 1] + Math.round(1e9 / speed);
    }

    /** Whether every entry has a time stamp, so the log carries its own timing. */
    boolean timed() {
        return due.length > 0 && due[0] != PlannedRequest.UNSCHEDULED;
    }

    @Override
    public PlannedRequest next() {
        if (next == entries.size()) {
            if (!loop) {
                return null;
            }
            next = 0;
            offset += span;
        }
        AccessLogEntry e = entries.get(next);
        long d = due[next] == PlannedRequest.UNSCHEDULED ? PlannedRequest.UNSCHEDULED : due[next] + offset;
        next++;
        RequestLabels labels = RequestLabels.of(e.target());
        return new PlannedRequest(e.target(), labels.layer(), labels.zoom(), d, labels.expectImage());
    }

    static long[] schedule(List<AccessLogEntry> entries, double speed) {
        long[] out = new long[entries.size()];
        if (entries.stream().anyMatch(e -> e.time() == null)) {
            java.util.Arrays.fill(out, PlannedRequest.UNSCHEDULED);
            return out;
        }
        long first = entries.get(0).time().getEpochSecond();
        int i = 0;
        while (i < entries.size()) {
            long second = entries.get(i).time().getEpochSecond();
            int j = i;
            while (j < entries.size() && entries.get(j).time().getEpochSecond() == second) {
                j++;
            }
            int n = j - i;
            for (int k = i; k < j; k++) {
                double at = (second - first) + (double) (k - i) / n;
                out[k] = Math.max(0, Math.round(at * 1e9 / speed));
            }
            i = j;
        }
        return out;
    }
}
