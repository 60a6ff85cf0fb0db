package org.gsweather.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gsweather.store.Coverage;
import org.gsweather.store.CoverageChange;
import org.gsweather.store.FieldCache;
import org.gsweather.store.FileFormat;
import org.gsweather.store.StoreSettings;
import org.gsweather.store.WeatherStore;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmSettingsTest {
    private static final String WHERE = "layer wx:t2m, metadata wx.warm";

    @TempDir
    Path dir;

    private static SortedSet<Instant> set(Instant... times) {
        return new TreeSet<>(List.of(times));
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-06-01T" + hhmm + ":00Z");
    }

    @Test
    void textRefinesTheSettingsUnderIt() {
        WarmSettings server = WarmSettings.parse("zooms=0-3; gridsets=EPSG:900913", WarmSettings.DEFAULT, "WX_WARM");
        WarmSettings layer = WarmSettings.parse("styles=all; times=next:6; threads=2", server, WHERE);
        assertThat(layer.enabled()).isTrue();
        assertThat(layer.minZoom()).isZero();
        assertThat(layer.maxZoom()).isEqualTo(3);
        assertThat(layer.gridsets()).containsExactly("EPSG:900913");
        assertThat(layer.styles()).isEqualTo(WarmSettings.Styles.ALL);
        assertThat(layer.times()).isEqualTo(new WarmSettings.Times(WarmSettings.TimeMode.NEXT, 6));
        assertThat(layer.threads()).isEqualTo(2);
        WarmSettings named =
                WarmSettings.parse("styles=wx-temperature-degC, wx-temperature-degF; zooms=2", layer, WHERE);
        assertThat(named.styles().names()).containsExactly("wx-temperature-degC", "wx-temperature-degF");
        assertThat(named.minZoom()).isEqualTo(2);
        assertThat(named.maxZoom()).isEqualTo(2);
        assertThat(WarmSettings.parse("off", layer, WHERE).enabled()).isFalse();
        assertThat(WarmSettings.parse(" ", layer, WHERE)).isSameAs(layer);
        assertThat(WarmSettings.DEFAULT.minZoom()).isZero();
        assertThat(WarmSettings.DEFAULT.maxZoom()).isEqualTo(4);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> WarmSettings.parse("zoom=0-4", WarmSettings.DEFAULT, WHERE))
                .hasMessage(WHERE
                        + ": unknown key 'zoom'; the keys are zooms, gridsets, styles, times, threads (or 'off')");
        assertThatThrownBy(() -> WarmSettings.parse("zooms=4-2", WarmSettings.DEFAULT, WHERE))
                .hasMessageContaining("zooms=4-2: give a level or a range of levels from 0 to 30");
        assertThatThrownBy(() -> WarmSettings.parse("times=latest", WarmSettings.DEFAULT, WHERE))
                .hasMessageContaining("times=latest: give new, all, none or next:N");
        assertThatThrownBy(() -> WarmSettings.parse("threads=0", WarmSettings.DEFAULT, WHERE))
                .hasMessageContaining("threads=0: give a whole number from 1 to 16");
        assertThatThrownBy(() -> WarmSettings.parse("zooms", WarmSettings.DEFAULT, WHERE))
                .hasMessageContaining("'zooms' is not key=value");
    }

    /** HRRR 2 m temperature moved to {@code run} + {@code hours} by ecCodes, as a settled store file. */
    private void hour(Instant run, int hours) {
        DateTimeFormatter d = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
        DateTimeFormatter t = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);
        Path tmp = dir.resolve("tmp.grib2");
        Path out = dir.resolve("hrrr." + t.format(run) + ".f" + hours + ".grib2");
        Tools.run(List.of(
                "grib_set",
                "-s",
                "dataDate=" + d.format(run) + ",dataTime=" + t.format(run),
                TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2").toString(),
                tmp.toString()));
        Tools.run(List.of(
                "grib_set",
                "-w",
                "productDefinitionTemplateNumber=0",
                "-s",
                "indicatorOfUnitOfTimeRange=1,forecastTime=" + hours,
                tmp.toString(),
                out.toString()));
        try {
            Files.delete(tmp);
            Files.setLastModifiedTime(out, FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void timesAtStartUpAndAfterANewRun() throws IOException {
        Tools.require("grib_set");
        hour(at("00:00"), 1);
        hour(at("00:00"), 2);
        hour(at("01:00"), 1);
        hour(at("01:00"), 3);
        try (WeatherStore store = WeatherStore.open(
                StoreSettings.of(dir, FileFormat.GRIB2), new FieldCache(16 << 20), Clock.systemUTC(), null)) {
            Coverage c = store.snapshot().coverage("TMP_SFC");
            Instant now = at("02:10");
            assertThat(WarmSettings.DEFAULT.startupTimes(c, now))
                    .as("the newest run's times")
                    .containsExactly(at("02:00"), at("04:00"));
            WarmSettings all = WarmSettings.parse("times=all", WarmSettings.DEFAULT, WHERE);
            assertThat(all.startupTimes(c, now)).containsExactly(at("01:00"), at("02:00"), at("04:00"));
            WarmSettings next = WarmSettings.parse("times=next:2", WarmSettings.DEFAULT, WHERE);
            assertThat(next.startupTimes(c, now)).containsExactly(at("02:00"), at("04:00"));
            assertThat(WarmSettings.parse("times=none", WarmSettings.DEFAULT, WHERE)
                            .startupTimes(c, now))
                    .isEmpty();
            assertThat(WarmSettings.parse("off", WarmSettings.DEFAULT, WHERE).startupTimes(c, now))
                    .isEmpty();

            CoverageChange change = new CoverageChange(
                    "TMP_SFC", set(at("04:00")), set(at("01:00")), set(at("02:00")), set(), set(), set());
            assertThat(WarmSettings.DEFAULT.changeTimes(change, c, now)).containsExactly(at("02:00"), at("04:00"));
            assertThat(WarmSettings.parse("times=next:1", WarmSettings.DEFAULT, WHERE)
                            .changeTimes(change, c, now))
                    .containsExactly(at("02:00"));
        }
    }

    @Test
    void staleCombinationsOfParameters() {
        CoverageChange change = new CoverageChange(
                "TMP_SFC",
                set(at("04:00")),
                set(at("01:00")),
                set(at("02:00")),
                set(at("01:00")),
                set(at("00:00")),
                set());
        String t1 = "2026-06-01T01:00:00.000Z";
        String t2 = "2026-06-01T02:00:00.000Z";
        String t4 = "2026-06-01T04:00:00.000Z";
        String run0 = "2026-06-01T00:00:00.000Z";
        String run1 = "2026-06-01T01:00:00.000Z";
        assertThat(StaleParameters.isStale(Map.of("TIME", t1, "STYLES", ""), change))
                .as("time left")
                .isTrue();
        assertThat(StaleParameters.isStale(Map.of("TIME", t2), change))
                .as("newer run covers it")
                .isTrue();
        assertThat(StaleParameters.isStale(Map.of("TIME", t2, "DIM_REFERENCE_TIME", run1), change))
                .as("a named run still served")
                .isFalse();
        assertThat(StaleParameters.isStale(Map.of("TIME", t2, "DIM_REFERENCE_TIME", run0), change))
                .as("a named run that left")
                .isTrue();
        assertThat(StaleParameters.isStale(Map.of("time", "2026-06-01T04:00Z"), change))
                .as("new time, nothing cached for it can be stale")
                .isFalse();
        assertThat(StaleParameters.isStale(Map.of("STYLES", "x"), change))
                .as("no TIME")
                .isTrue();
        assertThat(StaleParameters.isStale(
                        Map.of("TIME", t4), new CoverageChange("TMP_SFC", set(), set(), set(), set(), set(), set())))
                .isFalse();
    }
}
