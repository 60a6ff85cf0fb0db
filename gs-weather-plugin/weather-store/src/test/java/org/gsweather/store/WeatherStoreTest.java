package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherStoreTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(WeatherStore.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    private WeatherStore open(StoreSettings settings) throws IOException {
        return WeatherStore.open(settings, new FieldCache(64 << 20), clock, null);
    }

    /** Copies a test file into the store directory with a modification time {@code age} before now. */
    private Path put(String testFile, String name, Duration age) throws IOException {
        Path target = dir.resolve(name);
        Files.copy(TestData.file(testFile), target);
        Files.setLastModifiedTime(target, FileTime.from(clock.instant().minus(age)));
        return target;
    }

    @Test
    void newFileAppearsAfterItSettledAndRemovedFileDisappears() throws IOException {
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", "hrrr-tmp.grib2", Duration.ofMinutes(5));
        try (WeatherStore store = open(StoreSettings.of(dir, FileFormat.GRIB2))) {
            assertThat(store.snapshot().coverages()).containsOnlyKeys("TMP_SFC");

            put("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2", "hrrr-ugrd.grib2", Duration.ZERO);
            store.refresh();
            assertThat(store.snapshot().coverages())
                    .as("still being written: too recent")
                    .containsOnlyKeys("TMP_SFC");

            clock.advance(Duration.ofSeconds(3));
            store.refresh();
            assertThat(store.snapshot().coverages()).containsOnlyKeys("TMP_SFC", "UGRD_HTGL");

            Files.delete(dir.resolve("hrrr-tmp.grib2"));
            store.refresh();
            assertThat(store.snapshot().coverages()).containsOnlyKeys("UGRD_HTGL");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void grib2FileWithoutFinal7777IsNotServedWhileArrivingThenReportedOnce() throws IOException {
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", "good.grib2", Duration.ofMinutes(5));
        byte[] whole = Files.readAllBytes(TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2"));
        Path partial = dir.resolve("partial.grib2");
        Files.write(partial, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.setLastModifiedTime(partial, FileTime.from(NOW.minusSeconds(5)));
        try (WeatherStore store = open(StoreSettings.of(dir, FileFormat.GRIB2))) {
            assertThat(store.snapshot().coverages()).containsOnlyKeys("TMP_SFC");
            assertThat(store.snapshot().rejected()).isEmpty();
            assertThat(warnings).isEmpty();

            clock.advance(Duration.ofMinutes(1));
            store.refresh();
            store.refresh();
            assertThat(store.snapshot().rejected()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo(partial);
                assertThat(r.reason()).contains("does not end with 7777");
            });
            assertThat(warnings)
                    .singleElement()
                    .asString()
                    .contains("partial.grib2")
                    .contains("7777");
            assertThat(store.snapshot().coverages()).containsOnlyKeys("TMP_SFC");

            Files.write(partial, whole);
            Files.setLastModifiedTime(partial, FileTime.from(clock.instant().minusSeconds(10)));
            store.refresh();
            assertThat(store.snapshot().coverages()).containsOnlyKeys("TMP_SFC", "UGRD_HTGL");
            assertThat(store.snapshot().rejected()).isEmpty();
        }
    }

    @Test
    void corruptFileIsLoggedOnceWithItsNameAndTheOthersKeepServing() throws IOException {
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", "good.grib2", Duration.ofMinutes(5));
        byte[] bytes = Files.readAllBytes(TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2"));
        for (int k = 16; k < 200; k++) {
            bytes[k] = (byte) 0xff; // lengths of sections 1 to 3 destroyed, 7777 kept
        }
        Path corrupt = dir.resolve("corrupt.grib2");
        Files.write(corrupt, bytes);
        Files.setLastModifiedTime(corrupt, FileTime.from(NOW.minus(Duration.ofMinutes(5))));
        try (WeatherStore store = open(StoreSettings.of(dir, FileFormat.GRIB2))) {
            store.refresh();
            store.refresh();
            assertThat(warnings).singleElement().asString().contains("corrupt.grib2");
            assertThat(store.snapshot().rejected())
                    .singleElement()
                    .extracting(r -> r.path())
                    .isEqualTo(corrupt);
            assertThat(store.snapshot().coverages()).containsOnlyKeys("TMP_SFC");
        }
    }

    @Test
    void fileOfTheOtherFormatInADirectoryIsSkippedWithTheReason() throws IOException {
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", "good.grib2", Duration.ofMinutes(5));
        put("netcdf/cf/air.nc", "air.nc", Duration.ofMinutes(5));
        try (WeatherStore store = open(StoreSettings.of(dir, FileFormat.GRIB2))) {
            assertThat(store.snapshot().coverages()).containsOnlyKeys("TMP_SFC");
            assertThat(store.snapshot().rejected())
                    .singleElement()
                    .satisfies(r -> assertThat(r.reason()).isEqualTo("a NetCDF file in a Weather GRIB2 store"));
        }
    }

    @Test
    void patternSelectsFilesAndHiddenOrPartialDownloadsAreIgnored() throws IOException {
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", "hrrr.t06z.wrfsfcf01.grib2", Duration.ofMinutes(5));
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2", "nam.t06z.grib2", Duration.ofMinutes(5));
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2", ".hrrr.t07z.grib2", Duration.ofMinutes(5));
        put("grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2", "hrrr.t08z.grib2.part", Duration.ofMinutes(5));
        StoreSettings s = StoreSettings.fromQuery(dir, FileFormat.GRIB2, "pattern=hrrr.*");
        try (WeatherStore store = open(s)) {
            assertThat(store.snapshot().files())
                    .extracting(f -> f.path().getFileName().toString())
                    .containsExactly("hrrr.t06z.wrfsfcf01.grib2");
        }
    }

    @Test
    void compressedFilesAreServedWithoutWritingNextToTheData() throws IOException {
        Files.copy(
                TestData.root()
                        .resolve("grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz"),
                dir.resolve("mrms.grib2.gz"));
        Files.setLastModifiedTime(dir.resolve("mrms.grib2.gz"), FileTime.from(NOW.minusSeconds(600)));
        try (WeatherStore store = open(StoreSettings.of(dir, FileFormat.GRIB2))) {
            assertThat(store.snapshot().coverages()).containsOnlyKeys("ReflectivityAtLowestAltitude_GPML");
            assertThat(store.snapshot()
                            .coverage("ReflectivityAtLowestAltitude_GPML")
                            .grid()
                            .describe())
                    .contains("7000x3500");
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing).extracting(p -> p.getFileName().toString()).containsExactly("mrms.grib2.gz");
        }
    }

    @Test
    void retentionKeepsTheNewestRunsAndDeletesOnlyWhenAsked() throws IOException {
        Runs.require();
        Path src = TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2");
        for (int h = 0; h < 3; h++) {
            Path f = Runs.copy(
                    src, dir.resolve("hrrr.t0" + h + "z.grib2"), Instant.parse("2026-06-01T0" + h + ":00:00Z"), 1);
            Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-06-01T02:50:00Z")));
        }
        try (WeatherStore store = open(StoreSettings.fromQuery(dir, FileFormat.GRIB2, "keepRuns=2"))) {
            Coverage t = store.snapshot().coverage("TMP_SFC");
            assertThat(t.runs())
                    .containsExactly(Instant.parse("2026-06-01T01:00:00Z"), Instant.parse("2026-06-01T02:00:00Z"));
            assertThat(store.snapshot().hidden())
                    .extracting(f -> f.path().getFileName().toString())
                    .containsExactly("hrrr.t00z.grib2");
            assertThat(dir.resolve("hrrr.t00z.grib2")).exists();
        }
        clock.set(Instant.parse("2026-06-01T03:00:00Z"));
        try (WeatherStore store =
                open(StoreSettings.fromQuery(dir, FileFormat.GRIB2, "maxAge=10h&deleteExpired=true"))) {
            assertThat(store.snapshot().coverage("TMP_SFC").runs()).hasSize(3);
            clock.set(Instant.parse("2026-06-01T10:30:00Z"));
            store.refresh();
            assertThat(store.snapshot().coverage("TMP_SFC").runs())
                    .containsExactly(Instant.parse("2026-06-01T01:00:00Z"), Instant.parse("2026-06-01T02:00:00Z"));
            assertThat(dir.resolve("hrrr.t00z.grib2")).doesNotExist();
            assertThat(dir.resolve("hrrr.t01z.grib2")).exists();
        }
    }

    @Test
    void storeOnAMissingPathOrAFileOfTheOtherFormatIsRefusedWithOneLine() {
        assertThatThrownBy(() -> WeatherStore.check(StoreSettings.of(dir.resolve("nowhere"), FileFormat.GRIB2)))
                .isInstanceOf(InvalidStoreException.class)
                .hasMessage("Weather GRIB2 store: " + dir.resolve("nowhere") + " does not exist");
        assertThatThrownBy(
                        () -> WeatherStore.check(StoreSettings.of(TestData.file("netcdf/cf/air.nc"), FileFormat.GRIB2)))
                .isInstanceOf(InvalidStoreException.class)
                .hasMessage("Weather GRIB2 store: air.nc is a NetCDF file: create a Weather NetCDF store for it");
        assertThatThrownBy(() ->
                        WeatherStore.check(StoreSettings.of(TestData.file("grib2/noaa/eta.grib2"), FileFormat.NETCDF)))
                .hasMessage("Weather NetCDF store: eta.grib2 is a GRIB2 file: create a Weather GRIB2 store for it");
    }

    @Test
    void storeOptionsAreCheckedByName() {
        assertThatThrownBy(() -> StoreSettings.fromQuery(dir, FileFormat.GRIB2, "keepruns=3"))
                .hasMessage("unknown store option 'keepruns': the options are " + StoreSettings.OPTIONS);
        assertThatThrownBy(() -> StoreSettings.fromQuery(dir, FileFormat.GRIB2, "maxAge=soon"))
                .hasMessageStartingWith("maxAge=soon: give a duration");
        assertThat(StoreSettings.fromQuery(dir, FileFormat.GRIB2, "maxAge=48h&poll=500ms&keepRuns=4&pattern=*.grib2"))
                .isEqualTo(new StoreSettings(
                        dir, FileFormat.GRIB2, "*.grib2", 4, Duration.ofHours(48), false, Duration.ofMillis(500)));
    }
}
