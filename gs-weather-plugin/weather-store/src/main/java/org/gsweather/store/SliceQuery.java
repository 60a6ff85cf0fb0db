package org.gsweather.store;

import java.time.Instant;
import java.util.List;

/**
 * Which slice of a coverage a request wants. Each list holds the values or ranges the request gives
 * (WMS TIME, ELEVATION, DIM_REFERENCE_TIME); an empty list means the request does not say.
 *
 * @param times valid times or ranges of them
 * @param levels levels or ranges, in the coverage's level units
 * @param runs model runs or ranges of them
 */
public record SliceQuery(List<TimeRange> times, List<LevelRange> levels, List<TimeRange> runs) {

    public static final SliceQuery ANY = new SliceQuery(List.of(), List.of(), List.of());

    public SliceQuery {
        times = List.copyOf(times);
        levels = List.copyOf(levels);
        runs = List.copyOf(runs);
    }

    /** An instant ({@code from == to}) or a closed range of instants. */
    public record TimeRange(Instant from, Instant to) {
        public static TimeRange at(Instant t) {
            return new TimeRange(t, t);
        }

        boolean contains(Instant t) {
            return !t.isBefore(from) && !t.isAfter(to);
        }
    }

    /** A level ({@code from == to}) or a closed range of levels. */
    public record LevelRange(double from, double to) {
        public static LevelRange at(double level) {
            return new LevelRange(level, level);
        }

        boolean contains(double level) {
            double eps = 1e-9 * Math.max(1, Math.max(Math.abs(from), Math.abs(to)));
            return level >= Math.min(from, to) - eps && level <= Math.max(from, to) + eps;
        }
    }
}
