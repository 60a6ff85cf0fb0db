package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gsweather.store.SliceQuery.LevelRange;
import org.gsweather.store.SliceQuery.TimeRange;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of two NAM runs: run 00Z with forecast hours 1 to 3, run 01Z with hours 1 and 2. */
class SliceSelectorTest {
    private static final Instant RUN0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant RUN1 = Instant.parse("2026-06-01T01:00:00Z");

    @TempDir
    static Path dir;

    private static WeatherStore store;
    private static Coverage tmp;

    @BeforeAll
    static void twoRuns() throws IOException {
        Runs.require();
        Path nam = TestData.file("grib2/noaa/fh.0012_tl.press_gr.awp211.grb2");
        for (int h = 1; h <= 3; h++) {
            Runs.copy(nam, dir.resolve("nam.t00z.f0" + h + ".grib2"), RUN0, h);
        }
        for (int h = 1; h <= 2; h++) {
            Runs.copy(nam, dir.resolve("nam.t01z.f0" + h + ".grib2"), RUN1, h);
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(600)));
            }
        }
        store = WeatherStore.open(
                StoreSettings.of(dir, FileFormat.GRIB2), new FieldCache(16 << 20), java.time.Clock.systemUTC(), null);
        tmp = store.snapshot().coverage("TMP_ISBL");
    }

    @AfterAll
    static void close() throws IOException {
        if (store != null) {
            store.close();
        }
    }

    private static Slice select(Instant now, SliceQuery q) {
        Optional<Slice> s = new SliceSelector(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).select(tmp, q);
        assertThat(s).isPresent();
        return s.get();
    }

    private static SliceQuery at(Instant time, Double level, Instant run) {
        return new SliceQuery(
                time == null ? List.of() : List.of(TimeRange.at(time)),
                level == null ? List.of() : List.of(LevelRange.at(level)),
                run == null ? List.of() : List.of(TimeRange.at(run)));
    }

    @Test
    void domainsAreTheValidTimesLevelsAndRunsOfAllFiles() {
        assertThat(tmp.validTimes())
                .containsExactly(RUN0.plusSeconds(3600), RUN0.plusSeconds(7200), RUN0.plusSeconds(10800));
        assertThat(tmp.runs()).containsExactly(RUN0, RUN1);
        assertThat(tmp.levelValues()).hasSize(19).contains(1000.0, 500.0, 100.0);
        assertThat(tmp.hasRuns()).isTrue();
    }

    @Test
    void withoutARunEachValidTimeComesFromTheNewestRunThatHasIt() {
        Instant t1 = RUN0.plusSeconds(3600);
        Instant t2 = RUN0.plusSeconds(7200);
        Instant t3 = RUN0.plusSeconds(10800);
        assertThat(select(t1, at(t1, 500.0, null)).run()).isEqualTo(RUN0);
        assertThat(select(t1, at(t2, 500.0, null)).run()).isEqualTo(RUN1);
        assertThat(select(t1, at(t3, 500.0, null)).run()).isEqualTo(RUN1);
        assertThat(select(t1, at(t3, 500.0, null)).file().path().getFileName().toString())
                .isEqualTo("nam.t01z.f02.grib2");
    }

    @Test
    void withARunExactlyThatRun() {
        Instant t2 = RUN0.plusSeconds(7200);
        Slice s = select(t2, at(t2, 500.0, RUN0));
        assertThat(s.run()).isEqualTo(RUN0);
        assertThat(s.file().path().getFileName().toString()).isEqualTo("nam.t00z.f02.grib2");
        assertThat(new SliceSelector(java.time.Clock.systemUTC())
                        .select(tmp, at(RUN1.plusSeconds(10800 + 3600), null, RUN0)))
                .isEmpty();
    }

    @Test
    void theRequestedLevelElseTheOneNearestTheGround() {
        Instant t1 = RUN0.plusSeconds(3600);
        Slice s = select(t1, at(t1, 850.0, null));
        assertThat(s.level()).isEqualTo(850.0);
        assertThat(s.scalar().field().info().level().value()).isEqualTo(85000.0);
        assertThat(select(t1, at(t1, null, null)).level()).isEqualTo(1000.0);
        assertThat(new SliceSelector(java.time.Clock.systemUTC()).select(tmp, at(t1, 875.0, null)))
                .isEmpty();
    }

    @Test
    void withoutATimeTheTimeNearestToNowAndARangeGivesItsLatestTime() {
        assertThat(select(RUN0.plusSeconds(7000), SliceQuery.ANY).validTime()).isEqualTo(RUN0.plusSeconds(7200));
        assertThat(select(Instant.parse("2030-01-01T00:00:00Z"), SliceQuery.ANY).validTime())
                .isEqualTo(RUN0.plusSeconds(10800));
        SliceQuery range = new SliceQuery(List.of(new TimeRange(RUN0, RUN0.plusSeconds(9000))), List.of(), List.of());
        assertThat(select(RUN0, range).validTime()).isEqualTo(RUN0.plusSeconds(7200));
    }

    @Test
    void windCoveragesSelectTheSameWay() {
        Coverage wind = store.snapshot().coverage("WIND_ISBL");
        Instant t2 = RUN0.plusSeconds(7200);
        Slice s = new SliceSelector(java.time.Clock.systemUTC())
                .select(wind, at(t2, 250.0, null))
                .orElseThrow();
        assertThat(s.run()).isEqualTo(RUN1);
        assertThat(s.u().field().info().level().value()).isEqualTo(25000.0);
        assertThat(s.v().file()).isSameAs(s.u().file());
    }
}
