package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new model run arriving in a store, an old one aging out and a rewritten file, as listeners see them. */
class CoverageChangeTest {
    private static final Instant RUN0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant RUN1 = Instant.parse("2026-06-01T01:00:00Z");

    @TempDir
    Path dir;

    @TempDir
    Path work;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T03:00:00Z"));

    private record Seen(StoreSnapshot before, StoreSnapshot after) {}

    /** HRRR 2 m temperature moved to {@code run} + {@code hours}, written into the store as a settled file. */
    private Path hour(Instant run, int hours, String name) throws IOException {
        Path out = Runs.copy(TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2"), work.resolve(name), run, hours);
        Path target = dir.resolve(name);
        Files.move(out, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.from(clock.instant().minus(Duration.ofMinutes(5))));
        return target;
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-06-01T" + hhmm + ":00Z");
    }

    @Test
    void aNewRunAddsAndSupersedesTimesAndRetentionRemovesTheOldOne() throws IOException {
        Runs.require();
        hour(RUN0, 2, "hrrr.t00z.f02.grib2");
        hour(RUN0, 3, "hrrr.t00z.f03.grib2");
        StoreSettings settings = StoreSettings.fromQuery(dir, FileFormat.GRIB2, "keepRuns=1");
        try (WeatherStore store = WeatherStore.open(settings, new FieldCache(64 << 20), clock, null)) {
            List<Seen> seen = new ArrayList<>();
            store.addListener((s, before, after) -> {
                assertThat(s).isSameAs(store);
                seen.add(new Seen(before, after));
            });
            store.refresh();
            assertThat(seen).as("nothing changed: nobody is told").isEmpty();

            hour(RUN1, 2, "hrrr.t01z.f02.grib2");
            hour(RUN1, 3, "hrrr.t01z.f03.grib2");
            store.refresh();

            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).after()).isSameAs(store.snapshot());
            List<CoverageChange> changes =
                    CoverageChange.between(seen.get(0).before(), seen.get(0).after());
            assertThat(changes).hasSize(1);
            CoverageChange c = changes.get(0);
            assertThat(c.coverage()).isEqualTo("TMP_SFC");
            assertThat(c.addedTimes()).containsExactly(at("04:00"));
            assertThat(c.changedTimes()).as("03Z is now the 01Z run's forecast").containsExactly(at("03:00"));
            assertThat(c.removedTimes()).as("the 00Z run aged out (keepRuns=1)").containsExactly(at("02:00"));
            assertThat(c.addedRuns()).containsExactly(RUN1);
            assertThat(c.removedRuns()).containsExactly(RUN0);
            assertThat(c.changedRuns()).isEmpty();
            assertThat(c.timesToWarm()).containsExactly(at("03:00"), at("04:00"));
            assertThat(c.staleTimes()).containsExactly(at("02:00"), at("03:00"));
            assertThat(c.staleRuns()).containsExactly(RUN0);

            clock.set(clock.instant().plus(Duration.ofMinutes(10)));
            hour(RUN1, 3, "hrrr.t01z.f03.grib2"); // rewritten: same run and time, another file
            store.refresh();
            assertThat(seen).hasSize(2);
            CoverageChange rewritten = CoverageChange.between(
                            seen.get(1).before(), seen.get(1).after())
                    .get(0);
            assertThat(rewritten.changedTimes()).containsExactly(at("04:00"));
            assertThat(rewritten.changedRuns()).containsExactly(RUN1);
            assertThat(rewritten.addedTimes()).isEmpty();
            assertThat(rewritten.removedTimes()).isEmpty();
        }
    }

    @Test
    void aCoverageThatAppearsOrLeavesChangesAllItsTimesAndRuns() throws IOException {
        Runs.require();
        hour(RUN0, 2, "hrrr.t00z.f02.grib2");
        try (WeatherStore store =
                WeatherStore.open(StoreSettings.of(dir, FileFormat.GRIB2), new FieldCache(64 << 20), clock, null)) {
            Coverage c = store.snapshot().coverage("TMP_SFC");
            CoverageChange appeared = CoverageChange.of("TMP_SFC", null, c);
            assertThat(appeared.addedTimes()).containsExactly(at("02:00"));
            assertThat(appeared.addedRuns()).containsExactly(RUN0);
            CoverageChange left = CoverageChange.of("TMP_SFC", c, null);
            assertThat(left.removedTimes()).containsExactly(at("02:00"));
            assertThat(left.staleRuns()).containsExactly(RUN0);
            assertThat(CoverageChange.of("TMP_SFC", c, c).isEmpty()).isTrue();
        }
    }
}
