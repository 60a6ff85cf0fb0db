package org.gsweather.ingest.store;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which runs a store keeps: the newest {@code runs} runs, or the runs not older than {@code maxAge}. A run
 * is a model cycle, a radar volume or a satellite scan; each file of a source says which run it is of
 * (its name does), and files that are not a source's are never touched.
 *
 * @param runs how many of the newest runs to keep, or 0 when {@code maxAge} decides
 * @param maxAge how old a run may get, or null when {@code runs} decides
 */
public record Retention(int runs, Duration maxAge) {
    public Retention {
        if ((runs > 0) == (maxAge != null)) {
            throw new IllegalArgumentException("keep either a number of runs or a duration, not both nor neither");
        }
    }

    public static Retention runs(int runs) {
        return new Retention(runs, null);
    }

    public static Retention age(Duration maxAge) {
        return new Retention(0, maxAge);
    }

    /** The runs to drop among {@code runs}, at time {@code now}. */
    public List<Instant> expired(TreeSet<Instant> runs, Instant now) {
        List<Instant> out = new ArrayList<>();
        if (maxAge != null) {
            Instant oldest = now.minus(maxAge);
            for (Instant run : runs) {
                if (run.isBefore(oldest)) {
                    out.add(run);
                }
            }
        } else {
            int keep = 0;
            for (Instant run : runs.descendingSet()) {
                if (++keep > this.runs) {
                    out.add(run);
                }
            }
        }
        return out;
    }

    /**
     * Deletes the files of expired runs (and their downloads in progress) from the store.
     *
     * @param runOf the run of a file name of this source; empty for files of others
     * @return the deleted names
     */
    public List<String> apply(StoreDirectory store, Function<String, Optional<Instant>> runOf, Instant now)
            throws IOException {
        TreeMap<Instant, List<String>> byRun = new TreeMap<>();
        for (String name : store.files()) {
            runOf.apply(name)
                    .ifPresent(run ->
                            byRun.computeIfAbsent(run, r -> new ArrayList<>()).add(name));
        }
        List<Instant> expired = expired(new TreeSet<>(byRun.keySet()), now);
        List<String> deleted = new ArrayList<>();
        for (Instant run : expired) {
            for (String name : byRun.get(run)) {
                if (store.delete(name)) {
                    deleted.add(name);
                }
            }
        }
        // Downloads in progress of runs that are already expired would only be thrown away later.
        Instant oldestKept = byRun.keySet().stream()
                .filter(r -> !expired.contains(r))
                .findFirst()
                .orElse(null);
        for (String partial : store.partialFiles()) {
            Optional<Instant> run = runOf.apply(partialBase(partial));
            if (run.isPresent()
                    && (expired.contains(run.get())
                            || (maxAge != null && run.get().isBefore(now.minus(maxAge)))
                            || (maxAge == null
                                    && oldestKept != null
                                    && run.get().isBefore(oldestKept)))) {
                store.deletePartial(partial);
            }
        }
        return deleted;
    }

    /** The data file name a partial file belongs to: {@code NAME.part}, {@code NAME.part.json}, {@code NAME.gz.part}. */
    static String partialBase(String partial) {
        int dot = partial.indexOf(".part");
        String base = dot > 0 ? partial.substring(0, dot) : partial;
        return base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base;
    }
}
