package org.gsweather.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gsweather.ingest.config.ConfigLoader;
import org.gsweather.ingest.config.ModelSourceConfig;
import org.gsweather.ingest.source.ModelSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2023-07-22T06:30:00Z");

    @TempDir
    Path dir;

    private StoreDirectory store;
    private ModelSource sfc;
    private final List<String> sfcFiles = new ArrayList<>();

    @BeforeEach
    void fill() throws Exception {
        store = new StoreDirectory(dir);
        store.create();
        ModelSourceConfig config = (ModelSourceConfig) ConfigLoader.parse(
                        "sources:\n  hrrr:\n    kind: hrrr\n    store: .\n    fields: [\"REFC | Entire Atmosphere\"]\n",
                        "t")
                .sources()
                .get("hrrr");
        sfc = new ModelSource("hrrr", config.resolve(dir));
        for (int run = 0; run <= 6; run++) {
            for (int hour = 0; hour <= 2; hour++) {
                String name = String.format("hrrr.20230722.t%02dz.wrfsfcf%02d.grib2", run, hour);
                sfcFiles.add(name);
                Files.writeString(dir.resolve(name), "x");
                // the same runs of another product belong to another source
                Files.writeString(dir.resolve(name.replace("wrfsfc", "wrfprs")), "x");
            }
        }
        Files.writeString(dir.resolve("README.txt"), "not a model file");
        Files.writeString(dir.resolve("hrrr.20230722.t00z.wrfsfcf00.grib2.bak"), "not ours either");
        Files.writeString(store.partial("hrrr.20230722.t01z.wrfsfcf03.grib2", ".part"), "old partial");
        Files.writeString(store.partial("hrrr.20230722.t01z.wrfsfcf03.grib2", ".part.meta"), "old partial");
        Files.writeString(store.partial("hrrr.20230722.t06z.wrfsfcf03.grib2", ".part"), "current partial");
    }

    @Test
    void keepingRunsRemovesExactlyTheOlderRunsOfTheSource() throws Exception {
        List<String> deleted = Retention.runs(2).apply(store, sfc::runOf, NOW);
        List<String> expected = sfcFiles.stream()
                .filter(n -> n.compareTo("hrrr.20230722.t05z") < 0)
                .toList();
        assertThat(deleted).containsExactlyInAnyOrderElementsOf(expected);
        List<String> left = store.files();
        assertThat(left).doesNotContainAnyElementsOf(expected);
        assertThat(left).contains("README.txt", "hrrr.20230722.t00z.wrfsfcf00.grib2.bak");
        assertThat(left.stream().filter(n -> n.contains("wrfprs"))).hasSize(21);
        assertThat(left.stream().filter(n -> n.contains("wrfsfc") && n.endsWith(".grib2")))
                .hasSize(6);
        assertThat(store.partialFiles()).containsExactly("hrrr.20230722.t06z.wrfsfcf03.grib2.part");
    }

    @Test
    void keepingAnAgeRemovesTheRunsBeforeIt() throws Exception {
        List<String> deleted = Retention.age(Duration.ofHours(3)).apply(store, sfc::runOf, NOW);
        // 06:30 minus 3 h is 03:30: runs 00Z to 03Z go, 04Z to 06Z stay.
        assertThat(deleted).hasSize(12).allMatch(n -> n.compareTo("hrrr.20230722.t04z") < 0);
        assertThat(store.files().stream().filter(n -> n.contains("wrfsfc") && n.endsWith(".grib2")))
                .hasSize(9);
        assertThat(store.partialFiles()).containsExactly("hrrr.20230722.t06z.wrfsfcf03.grib2.part");
    }

    @Test
    void expiredRunsAreTheOldestBeyondTheCountOrAge() {
        TreeSet<Instant> runs = new TreeSet<>();
        for (int h = 0; h < 5; h++) {
            runs.add(NOW.minus(Duration.ofHours(h)));
        }
        assertThat(Retention.runs(3).expired(runs, NOW))
                .containsExactlyInAnyOrder(runs.first(), runs.higher(runs.first()));
        assertThat(Retention.age(Duration.ofMinutes(90)).expired(runs, NOW)).hasSize(3);
        assertThat(Retention.runs(10).expired(runs, NOW)).isEmpty();
    }
}
