package org.gsweather.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which files stay visible: those of the newest {@code keepRuns} model runs (a file's run is its newest
 * reference time) and no older than {@code maxAge}.
 */
final class Retention {
    private Retention() {}

    /** The files retention hides, of {@code files}, at {@code now}. */
    static List<StoreFile> expired(List<StoreFile> files, StoreSettings settings, Instant now) {
        List<StoreFile> expired = new ArrayList<>();
        Instant oldestRun = null;
        if (settings.keepRuns() > 0) {
            TreeSet<Instant> runs = new TreeSet<>();
            for (StoreFile f : files) {
                runs.add(f.run());
            }
            while (runs.size() > settings.keepRuns()) {
                runs.pollFirst();
            }
            oldestRun = runs.isEmpty() ? null : runs.first();
        }
        Instant oldestAllowed = settings.maxAge() == null ? null : now.minus(settings.maxAge());
        for (StoreFile f : files) {
            boolean tooFewRuns = oldestRun != null && f.run().isBefore(oldestRun);
            boolean tooOld = oldestAllowed != null && f.run().isBefore(oldestAllowed);
            if (tooFewRuns || tooOld) {
                expired.add(f);
            }
        }
        return expired;
    }
}
