package org.gsweather.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What changed in one coverage between two states of a store, in the terms a tile cache keys tiles by: valid times
 * (TIME) and model runs (DIM_REFERENCE_TIME).
 *
 * <p>A valid time is <em>changed</em> when a request that names no run draws another field for it now: a newer run
 * covers it, a level came or went, or its file was rewritten. Its cached tiles are stale although the time is still
 * served.
 *
 * @param addedTimes valid times served now and not before
 * @param removedTimes valid times no longer served (their files left or aged out)
 * @param changedTimes valid times served before and now whose newest field (at some level) is another one
 * @param addedRuns model runs served now and not before
 * @param removedRuns model runs no longer served
 * @param changedRuns model runs served before and now whose fields are other ones (a file of the run was rewritten)
 */
public record CoverageChange(
        String coverage,
        SortedSet<Instant> addedTimes,
        SortedSet<Instant> removedTimes,
        SortedSet<Instant> changedTimes,
        SortedSet<Instant> addedRuns,
        SortedSet<Instant> removedRuns,
        SortedSet<Instant> changedRuns) {

    public CoverageChange {
        addedTimes = Collections.unmodifiableSortedSet(new TreeSet<>(addedTimes));
        removedTimes = Collections.unmodifiableSortedSet(new TreeSet<>(removedTimes));
        changedTimes = Collections.unmodifiableSortedSet(new TreeSet<>(changedTimes));
        addedRuns = Collections.unmodifiableSortedSet(new TreeSet<>(addedRuns));
        removedRuns = Collections.unmodifiableSortedSet(new TreeSet<>(removedRuns));
        changedRuns = Collections.unmodifiableSortedSet(new TreeSet<>(changedRuns));
    }

    /** The coverages that changed between two states of a store, by name; unchanged ones are left out. */
    public static List<CoverageChange> between(StoreSnapshot before, StoreSnapshot after) {
        Set<String> names = new TreeSet<>(before.coverages().keySet());
        names.addAll(after.coverages().keySet());
        List<CoverageChange> out = new ArrayList<>();
        for (String name : names) {
            CoverageChange c = of(name, before.coverage(name), after.coverage(name));
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The change of one coverage; {@code before} or {@code after} is null when the coverage was not served then. */
    public static CoverageChange of(String name, Coverage before, Coverage after) {
        Map<Key, Slice> a = newest(before);
        Map<Key, Slice> b = newest(after);
        Set<Instant> timesA = times(a);
        Set<Instant> timesB = times(b);
        SortedSet<Instant> changed = new TreeSet<>();
        Set<Key> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (Key k : keys) {
            if (timesA.contains(k.time) && timesB.contains(k.time) && !sameFields(a.get(k), b.get(k))) {
                changed.add(k.time);
            }
        }
        Map<Instant, Set<FieldRef>> runsA = fieldsByRun(before);
        Map<Instant, Set<FieldRef>> runsB = fieldsByRun(after);
        SortedSet<Instant> changedRuns = new TreeSet<>();
        for (Map.Entry<Instant, Set<FieldRef>> e : runsA.entrySet()) {
            Set<FieldRef> now = runsB.get(e.getKey());
            if (now != null && !now.equals(e.getValue())) {
                changedRuns.add(e.getKey());
            }
        }
        return new CoverageChange(
                name,
                minus(timesB, timesA),
                minus(timesA, timesB),
                changed,
                minus(runsB.keySet(), runsA.keySet()),
                minus(runsA.keySet(), runsB.keySet()),
                changedRuns);
    }

    public boolean isEmpty() {
        return addedTimes.isEmpty()
                && removedTimes.isEmpty()
                && changedTimes.isEmpty()
                && addedRuns.isEmpty()
                && removedRuns.isEmpty()
                && changedRuns.isEmpty();
    }

    /** Valid times whose tiles (no run requested) are new or drawn from another field now: what to render ahead. */
    public SortedSet<Instant> timesToWarm() {
        TreeSet<Instant> t = new TreeSet<>(addedTimes);
        t.addAll(changedTimes);
        return Collections.unmodifiableSortedSet(t);
    }

    /** Valid times whose cached tiles (no run requested) no longer match what is served: to truncate. */
    public SortedSet<Instant> staleTimes() {
        TreeSet<Instant> t = new TreeSet<>(removedTimes);
        t.addAll(changedTimes);
        return Collections.unmodifiableSortedSet(t);
    }

    /** Model runs whose cached tiles (run requested) no longer match what is served: to truncate. */
    public SortedSet<Instant> staleRuns() {
        TreeSet<Instant> t = new TreeSet<>(removedRuns);
        t.addAll(changedRuns);
        return Collections.unmodifiableSortedSet(t);
    }

    /** A valid time and a level (NaN for coverages without levels). */
    private record Key(Instant time, double level) {}

    /** For each valid time and level, the slice of the newest run: what a request that names no run draws. */
    private static Map<Key, Slice> newest(Coverage c) {
        Map<Key, Slice> out = new HashMap<>();
        if (c == null) {
            return out;
        }
        for (Slice s : c.slices()) {
            out.merge(new Key(s.validTime(), s.level()), s, (x, y) -> y.run().isAfter(x.run()) ? y : x);
        }
        return out;
    }

    private static Set<Instant> times(Map<Key, Slice> slices) {
        Set<Instant> out = new HashSet<>();
        slices.keySet().forEach(k -> out.add(k.time));
        return out;
    }

    private static Map<Instant, Set<FieldRef>> fieldsByRun(Coverage c) {
        Map<Instant, Set<FieldRef>> out = new HashMap<>();
        if (c == null) {
            return out;
        }
        for (Slice s : c.slices()) {
            Set<FieldRef> fields = out.computeIfAbsent(s.run(), r -> new HashSet<>());
            for (FieldRef f : new FieldRef[] {s.scalar(), s.u(), s.v()}) {
                if (f != null) {
                    fields.add(f);
                }
            }
        }
        return out;
    }

    private static boolean sameFields(Slice a, Slice b) {
        return a != null
                && b != null
                && Objects.equals(a.scalar(), b.scalar())
                && Objects.equals(a.u(), b.u())
                && Objects.equals(a.v(), b.v());
    }

    private static SortedSet<Instant> minus(Set<Instant> a, Set<Instant> b) {
        TreeSet<Instant> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
