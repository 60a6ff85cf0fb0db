package org.gsweather.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the one slice of a coverage a request draws:
 *
 * <ol>
 *   <li>levels: the requested level, else the level nearest the ground (largest pressure, smallest
 *       height);
 *   <li>runs: with runs requested, only those; without, every run ("best estimate");
 *   <li>valid time: the requested instant, the latest time within a requested range, else the time
 *       nearest to now;
 *   <li>of the slices left, the newest run: for each valid time the latest forecast of it.
 * </ol>
 */
public final class SliceSelector {
    private final Clock clock;

    public SliceSelector(Clock clock) {
        this.clock = clock;
    }

    public Optional<Slice> select(Coverage coverage, SliceQuery query) {
        List<Slice> candidates = new ArrayList<>();
        for (Slice s : coverage.slices()) {
            if (matchesTime(s, query) && matchesRun(s, query) && matchesLevel(s, query)) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Instant time = chooseTime(candidates, query);
        double level = chooseLevel(candidates, time, coverage.levels().positiveDown());
        Slice best = null;
        for (Slice s : candidates) {
            if (s.validTime().equals(time)
                    && s.atLevel(level)
                    && (best == null || s.run().isAfter(best.run()))) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean matchesTime(Slice s, SliceQuery q) {
        if (q.times().isEmpty()) {
            return true;
        }
        for (SliceQuery.TimeRange r : q.times()) {
            if (r.contains(s.validTime())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesRun(Slice s, SliceQuery q) {
        if (q.runs().isEmpty()) {
            return true;
        }
        for (SliceQuery.TimeRange r : q.runs()) {
            if (r.contains(s.run())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesLevel(Slice s, SliceQuery q) {
        if (q.levels().isEmpty() || Double.isNaN(s.level())) {
            return true;
        }
        for (SliceQuery.LevelRange r : q.levels()) {
            if (r.contains(s.level())) {
                return true;
            }
        }
        return false;
    }

    private Instant chooseTime(List<Slice> candidates, SliceQuery q) {
        if (!q.times().isEmpty()) {
            Instant latest = null;
            for (Slice s : candidates) {
                if (latest == null || s.validTime().isAfter(latest)) {
                    latest = s.validTime();
                }
            }
            return latest;
        }
        Instant now = clock.instant();
        Instant nearest = null;
        Duration best = null;
        for (Slice s : candidates) {
            Duration d = Duration.between(now, s.validTime()).abs();
            if (best == null
                    || d.compareTo(best) < 0
                    || d.equals(best) && s.validTime().isAfter(nearest)) {
                best = d;
                nearest = s.validTime();
            }
        }
        return nearest;
    }

    private static double chooseLevel(List<Slice> candidates, Instant time, boolean positiveDown) {
        double level = Double.NaN;
        for (Slice s : candidates) {
            if (!s.validTime().equals(time)) {
                continue;
            }
            double l = s.level();
            if (Double.isNaN(level) || (positiveDown ? l > level : l < level)) {
                level = l;
            }
        }
        return level;
    }
}
