package org.gsweather.tiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gsweather.store.Coverage;
import org.gsweather.store.CoverageChange;
import org.gsweather.store.Slice;

/**
 * Which tiles of a layer to render ahead of requests when a store starts and when a new run arrives: a text such as
 * {@code zooms=0-4; gridsets=EPSG:900913; styles=default; times=new; threads=1}, or {@code off}. Keys left out keep
 * the value they have in the settings the text refines (the server-wide default, then the layer's own).
 *
 * @param enabled false for {@code off}
 * @param minZoom first zoom level (index in the gridset) seeded
 * @param maxZoom last zoom level seeded
 * @param gridsets gridsets seeded; empty for all of the tile layer's
 * @param styles which styles are seeded
 * @param times which valid times are seeded
 * @param threads seeding threads per layer and gridset (GWC's own seeding threads)
 */
public record WarmSettings(
        boolean enabled, int minZoom, int maxZoom, List<String> gridsets, Styles styles, Times times, int threads) {

    /** {@code zooms=0-4; styles=default; times=new; threads=1}, every gridset of the tile layer. */
    public static final WarmSettings DEFAULT =
            new WarmSettings(true, 0, 4, List.of(), Styles.DEFAULT, new Times(TimeMode.NEW, 0), 1);

    public static final String KEYS = "zooms, gridsets, styles, times, threads";

    public WarmSettings {
        gridsets = List.copyOf(gridsets);
    }

    /** The styles seeded: the layer's default style, all its styles, or those named. */
    public record Styles(StyleMode mode, List<String> names) {
        public static final Styles DEFAULT = new Styles(StyleMode.DEFAULT, List.of());
        public static final Styles ALL = new Styles(StyleMode.ALL, List.of());

        public Styles {
            names = List.copyOf(names);
        }
    }

    public enum StyleMode {
        DEFAULT,
        ALL,
        LISTED
    }

    /**
     * The valid times seeded: {@code new} (those a new run brings or changes; at start-up the newest run's), {@code
     * all}, {@code next:N} (the N times from the one nearest now), {@code none} (only stale tiles are truncated).
     */
    public record Times(TimeMode mode, int count) {}

    public enum TimeMode {
        NEW,
        ALL,
        NEXT,
        NONE
    }

    /**
     * Settings from a text, over {@code base}.
     *
     * @param where what the text is, for messages (e.g. {@code layer wx:t2m, metadata wx.warm})
     * @throws IllegalArgumentException naming {@code where}, the key or value that is wrong and what is allowed
     */
    public static WarmSettings parse(String text, WarmSettings base, String where) {
        if (text == null || text.isBlank()) {
            return base;
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("off") || t.equalsIgnoreCase("false") || t.equalsIgnoreCase("none")) {
            return new WarmSettings(false, base.minZoom, base.maxZoom, base.gridsets, base.styles, base.times, 0);
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : t.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        where + ": '" + part.trim() + "' is not key=value (keys: " + KEYS + "; or 'off')");
            }
            pairs.put(
                    part.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                    part.substring(eq + 1).trim());
        }
        int minZoom = base.minZoom;
        int maxZoom = base.maxZoom;
        List<String> gridsets = base.gridsets;
        Styles styles = base.styles;
        Times times = base.times;
        int threads = base.threads;
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "zooms" -> {
                    int[] z = zooms(v, where);
                    minZoom = z[0];
                    maxZoom = z[1];
                }
                case "gridsets" -> gridsets = v.equalsIgnoreCase("all") ? List.of() : list(v);
                case "styles" ->
                    styles = v.equalsIgnoreCase("default")
                            ? Styles.DEFAULT
                            : v.equalsIgnoreCase("all") ? Styles.ALL : new Styles(StyleMode.LISTED, list(v));
                case "times" -> times = times(v, where);
                case "threads" -> threads = positive("threads", v, where, 16);
                default ->
                    throw new IllegalArgumentException(
                            where + ": unknown key '" + e.getKey() + "'; the keys are " + KEYS + " (or 'off')");
            }
        }
        return new WarmSettings(true, minZoom, maxZoom, gridsets, styles, times, threads);
    }

    /** The valid times to seed when a store starts: {@code new} is the newest run's times. */
    public List<Instant> startupTimes(Coverage coverage, Instant now) {
        if (!enabled || coverage == null) {
            return List.of();
        }
        return switch (times.mode) {
            case NONE -> List.of();
            case ALL -> coverage.validTimes();
            case NEXT -> next(coverage.validTimes(), now, times.count);
            case NEW -> {
                Instant newest = coverage.runs().isEmpty()
                        ? null
                        : coverage.runs().get(coverage.runs().size() - 1);
                SortedSet<Instant> t = new TreeSet<>();
                for (Slice s : coverage.slices()) {
                    if (s.run().equals(newest)) {
                        t.add(s.validTime());
                    }
                }
                yield List.copyOf(t);
            }
        };
    }

    /** The valid times to seed after a change of the coverage (now {@code coverage}). */
    public List<Instant> changeTimes(CoverageChange change, Coverage coverage, Instant now) {
        if (!enabled || coverage == null) {
            return List.of();
        }
        SortedSet<Instant> fresh = change.timesToWarm();
        return switch (times.mode) {
            case NONE -> List.of();
            case NEW -> List.copyOf(fresh);
            case ALL -> coverage.validTimes();
            case NEXT ->
                next(coverage.validTimes(), now, times.count).stream()
                        .filter(fresh::contains)
                        .toList();
        };
    }

    /** The {@code n} times from the one nearest {@code now} on. */
    static List<Instant> next(List<Instant> times, Instant now, int n) {
        if (times.isEmpty()) {
            return List.of();
        }
        Instant nearest = times.stream()
                .min(Comparator.comparing(
                                (Instant t) -> Duration.between(now, t).abs())
                        .thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
        int from = times.indexOf(nearest);
        return List.copyOf(times.subList(from, Math.min(times.size(), from + n)));
    }

    private static int[] zooms(String v, String where) {
        String[] p = v.split("-");
        try {
            int a = Integer.parseInt(p[0].trim());
            int b = p.length == 2 ? Integer.parseInt(p[1].trim()) : a;
            if (p.length <= 2 && a >= 0 && b >= a && b <= 30) {
                return new int[] {a, b};
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(
                where + ": zooms=" + v + ": give a level or a range of levels from 0 to 30, e.g. zooms=0-4");
    }

    private static Times times(String v, String where) {
        String s = v.toLowerCase(Locale.ROOT);
        switch (s) {
            case "new":
                return new Times(TimeMode.NEW, 0);
            case "all":
                return new Times(TimeMode.ALL, 0);
            case "none":
                return new Times(TimeMode.NONE, 0);
            default:
                if (s.startsWith("next:")) {
                    return new Times(TimeMode.NEXT, positive("times=next", s.substring(5), where, 10_000));
                }
                throw new IllegalArgumentException(
                        where + ": times=" + v + ": give new, all, none or next:N (e.g. next:12)");
        }
    }

    private static int positive(String key, String v, String where, int max) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(where + ": " + key + "=" + v + ": give a whole number from 1 to " + max);
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList(v.split(","))) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
