package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageCatalogTest {
    @TempDir
    Path dir;

    /** Copies a test file into the store directory, written a while ago. */
    private void put(String testFile, String name) throws IOException {
        Path target = dir.resolve(name);
        Files.copy(TestData.file(testFile), target);
        Files.setLastModifiedTime(
                target, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(600)));
    }

    private Map<String, Coverage> coverages(Path location, FileFormat format) throws IOException {
        try (WeatherStore store = WeatherStore.open(
                StoreSettings.of(location, format), new FieldCache(1 << 20), Clock.systemUTC(), null)) {
            return store.snapshot().coverages();
        }
    }

    @Test
    void namAwips211HasOneCoveragePerParameterAndLevelTypeWithPressureLevelsInHpa() throws IOException {
        Map<String, Coverage> c =
                coverages(TestData.file("grib2/noaa/fh.0012_tl.press_gr.awp211.grb2"), FileFormat.GRIB2);
        assertThat(c)
                .containsKeys(
                        "TMP_ISBL",
                        "TMP_HTGL",
                        "HGT_ISBL",
                        "RH_ISBL",
                        "PRMSL_MSL",
                        "APCP_SFC_acc",
                        "UGRD_ISBL",
                        "VGRD_ISBL",
                        "WIND_ISBL",
                        "WIND_HTGL");
        Coverage t = c.get("TMP_ISBL");
        assertThat(t.levels().units()).isEqualTo("hPa");
        assertThat(t.levelValues()).contains(1000.0, 850.0, 500.0, 250.0, 100.0);
        assertThat(t.validTimes()).containsExactly(Instant.parse("2007-01-24T12:00:00Z"));
        assertThat(t.runs()).containsExactly(Instant.parse("2007-01-24T00:00:00Z"));
        assertThat(t.slices()).hasSize(t.levelValues().size());
        assertThat(t.units()).isEqualTo("K");
        assertThat(c.get("TMP_HTGL").levelValues()).containsExactly(2.0);
        assertThat(c.get("PRMSL_MSL").levelValues()).isEmpty();
        Coverage wind = c.get("WIND_ISBL");
        assertThat(wind.isWind()).isTrue();
        assertThat(wind.gridRelativeWind()).isTrue();
        assertThat(wind.levelValues()).isEqualTo(c.get("UGRD_ISBL").levelValues());
        assertThat(wind.slices()).allSatisfy(s -> {
            assertThat(s.u().field().info().parameter().shortName()).isEqualTo("UGRD");
            assertThat(s.v().field().info().parameter().shortName()).isEqualTo("VGRD");
            assertThat(s.u().field().info().level())
                    .isEqualTo(s.v().field().info().level());
        });
        assertThat(c.get("APCP_SFC_acc").title()).contains("accumulation since the model run");
    }

    @Test
    void gfsWindOnLatLonIsEarthRelative() throws IOException {
        Map<String, Coverage> c =
                coverages(TestData.file("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2"), FileFormat.GRIB2);
        assertThat(c.get("WIND_ISBL").gridRelativeWind()).isFalse();
        assertThat(c.get("WIND_ISBL").levelValues()).hasSize(26);
        assertThat(c.keySet()).allMatch(n -> n.matches("[A-Za-z_][A-Za-z0-9_.\\-]*"));
    }

    @Test
    void netcdfWindComponentsInTwoFilesPairIntoOneWindCoverage() throws IOException {
        put("netcdf/cf/uwnd_mean.nc", "uwnd_mean.nc");
        put("netcdf/cf/vwnd_mean.nc", "vwnd_mean.nc");
        Map<String, Coverage> c = coverages(dir, FileFormat.NETCDF);
        assertThat(c).containsOnlyKeys("uwnd", "vwnd", "WIND_uwnd_vwnd");
        Coverage w = c.get("WIND_uwnd_vwnd");
        assertThat(w.validTimes()).hasSize(12);
        assertThat(w.levelValues()).containsExactly(200.0);
        assertThat(w.slices()).allSatisfy(s -> {
            assertThat(s.u().file().path().getFileName().toString()).isEqualTo("uwnd_mean.nc");
            assertThat(s.v().file().path().getFileName().toString()).isEqualTo("vwnd_mean.nc");
            assertThat(s.u().field().info().validTime())
                    .isEqualTo(s.v().field().info().validTime());
        });
    }

    @Test
    void goesBandsAreNamedByBandSoThatBandsNeverMix() throws IOException {
        put("netcdf/goes/OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc", "m1c13.nc");
        put("netcdf/goes/OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc", "cc04.nc");
        Map<String, Coverage> c = coverages(dir, FileFormat.NETCDF);
        assertThat(c).containsKeys("Rad_C13", "Rad_C04", "DQF_C13", "DQF_C04");
        assertThat(c.get("Rad_C13").grid().describe()).contains("500x500");
        assertThat(c.get("Rad_C04").grid().describe()).contains("2500x1500");
        assertThat(c.get("Rad_C13").validTimes()).containsExactly(Instant.parse("2019-12-01T10:27:30.985Z"));
    }

    @Test
    void goesRadiancesAreAlsoCalibratedCoverages() throws IOException {
        put("netcdf/goes/OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc", "m1c13.nc");
        put("netcdf/goes/OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc", "cc04.nc");
        FieldCache cache = new FieldCache(64 << 20);
        try (WeatherStore store =
                WeatherStore.open(StoreSettings.of(dir, FileFormat.NETCDF), cache, Clock.systemUTC(), null)) {
            Coverage bt = store.snapshot().coverage("BT_C13");
            assertThat(bt.units()).isEqualTo("K");
            assertThat(bt.title()).startsWith("Brightness temperature [K]");
            double[] range = cache.scalar(bt.slices().get(0).scalar()).range();
            assertThat(range[0]).as("coldest cloud tops").isBetween(180.0, 240.0);
            assertThat(range[1]).as("warmest surface").isBetween(260.0, 320.0);
            Coverage refl = store.snapshot().coverage("REFL_C04");
            assertThat(refl.units()).isEqualTo("1");
            assertThat(cache.scalar(refl.slices().get(0).scalar()).range()[1]).isBetween(0.05, 1.5);
            assertThat(store.snapshot().coverages()).doesNotContainKeys("REFL_C13", "BT_C04");
        }
    }

    @Test
    void netcdfTimesOfOneVariableAreOneCoverage() throws IOException {
        Map<String, Coverage> c = coverages(TestData.file("netcdf/cf/air.nc"), FileFormat.NETCDF);
        assertThat(c.get("air").validTimes()).hasSize(124);
        assertThat(c.get("air").hasRuns()).isFalse();
    }

    @Test
    void statisticalPeriodsThatDoNotStartAtTheRunAreNamedByTheirLength() {
        assertThat(CoverageNames.length(java.time.Duration.ofHours(6))).isEqualTo("6h");
        assertThat(CoverageNames.length(java.time.Duration.ofDays(3))).isEqualTo("3d");
        assertThat(CoverageNames.length(java.time.Duration.ofMinutes(15))).isEqualTo("15min");
        assertThat(CoverageNames.clean("var 0-2.1/x")).isEqualTo("var_0-2.1_x");
        assertThat(CoverageNames.clean("2t")).isEqualTo("_2t");
        assertThat(List.of(CoverageNames.wind("UGRD_HTGL", "VGRD_HTGL", true), CoverageNames.wind("u10", "v10", false)))
                .containsExactly("WIND_HTGL", "WIND_u10_v10");
    }
}
