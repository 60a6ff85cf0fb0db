package org.gsweather.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.field.Level;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LevelNamesTest {

    /**
     * Level columns of inventories NCEP publishes (HRRR, GFS 0.25, NAM .idx files, as wgrib2 -s writes
     * them) and the label wx inspect prints for the same surfaces. The labels are checked against real
     * files in {@link #publishedTextsNameTheLevelsOfRealFiles}.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2 m above ground|2 m (Specified height level above ground)",
                "10 m above ground|10 m (Specified height level above ground)",
                "surface|Ground or water surface",
                "entire atmosphere|Entire Atmosphere",
                "entire atmosphere (considered as a single layer)|Entire atmosphere (considered as a single layer)",
                "mean sea level|Mean sea level",
                "500 mb|500 hPa (Isobaric surface)",
                "1013.2 mb|1013.2 hPa (Isobaric surface)",
                "0-1000 m above ground|0-1000 m (Specified height level above ground)",
                "255-0 mb above ground|255-0 hPa (Level at specified pressure difference from ground to level)",
                "180-0 mb above ground|180-0 hPa (Level at specified pressure difference from ground to level)",
                "0-0.1 m below ground|0-0.1 m (Depth below land surface)",
                "cloud ceiling|Cloud ceiling",
                "cloud top|Level of cloud tops",
                "cloud base|Cloud base level",
                "low cloud layer|Low cloud level",
                "high cloud layer|High cloud level",
                "tropopause|Tropopause",
                "max wind|Maximum wind level",
                "0C isotherm|Level of 0 degree C isotherm",
                "highest tropospheric freezing level|Highest tropospheric freezing level",
                "1829 m above mean sea level|1829 m (Specific altitude above mean sea level)",
                "0.33-1 sigma layer|0.33-1 'sigma' value (Sigma level)",
                "top of atmosphere|Nominal top of atmosphere",
                "planetary boundary layer|Planetary boundary layer",
                "PV=2e-06 (Km^2/kg/s) surface|2.0E-6 (K m^2)/(kg s) (Potential vorticity surface)",
                "PV=-2e-06 (Km^2/kg/s) surface|-2.0E-6 (K m^2)/(kg s) (Potential vorticity surface)",
            })
    void publishedLevelTextsMapToInspectLabels(String wgrib2, String label) {
        LevelCodes codes = LevelNames.parseWgrib2(wgrib2).orElseThrow();
        assertThat(LevelNames.inspectLabel(codes)).isEqualTo(label);
        assertThat(LevelNames.wgrib2(codes)).isEqualTo(wgrib2);
    }

    /** The labels above are the ones weather-core gives the same levels in real NCEP files. */
    @Test
    void publishedTextsNameTheLevelsOfRealFiles() throws IOException {
        List<String> labels = new ArrayList<>();
        for (String file : List.of("grib2/noaa/eta.grib2", "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2")) {
            try (Grib2File grib = Grib2File.open(TestData.file(file))) {
                grib.fields().forEach(f -> labels.add(f.info().level().label()));
            }
        }
        assertThat(labels)
                .contains(
                        "2 m (Specified height level above ground)",
                        "10 m (Specified height level above ground)",
                        "Ground or water surface",
                        "Entire atmosphere (considered as a single layer)",
                        "Mean sea level",
                        "500 hPa (Isobaric surface)",
                        "180-0 hPa (Level at specified pressure difference from ground to level)",
                        "0-0.1 m (Depth below land surface)",
                        "Level of cloud tops",
                        "Cloud base level",
                        "Low cloud level",
                        "High cloud level",
                        "Tropopause",
                        "Maximum wind level",
                        "Level of 0 degree C isotherm",
                        "Highest tropospheric freezing level",
                        "1829 m (Specific altitude above mean sea level)",
                        "0.33-1 'sigma' value (Sigma level)",
                        "Nominal top of atmosphere",
                        "2.0E-6 (K m^2)/(kg s) (Potential vorticity surface)",
                        "-2.0E-6 (K m^2)/(kg s) (Potential vorticity surface)");
    }

    /** Every level of real NCEP files survives wgrib2 text and back to the label weather-core gives it. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "grib2/noaa/eta.grib2",
                "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2",
                "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2",
                "grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2",
                "grib2/noaa/hrrr.t06z.wrfsfcf01-UGRD.grib2",
                "grib2/noaa/gdaswave.t00z.wcoast.0p16.f000.grib2",
                "grib2/grib-rs/gdas.t12z.pgrb2.0p25.f000.12.xz"
            })
    void everyLevelOfRealFilesRoundTrips(String file) throws IOException {
        Path path = TestData.file(file);
        try (Grib2File grib = Grib2File.open(path)) {
            for (Grib2Field f : grib.fields()) {
                Level level = f.info().level();
                LevelCodes codes = LevelNames.codes(level).orElseThrow();
                String text = LevelNames.wgrib2(codes);
                LevelLabel back = LevelLabel.of(
                        LevelNames.level(LevelNames.parseWgrib2(text).orElseThrow()));
                assertThat(back.sameLevel(LevelLabel.of(level)))
                        .as("field %d: %s -> '%s' -> %s", f.number(), level, text, back)
                        .isTrue();
                assertThat(new FieldSelector(f.info().parameter().shortName(), level.label())
                                .matches(new IdxEntry(
                                        1,
                                        1,
                                        0,
                                        "d=2024010100",
                                        f.info().parameter().shortName(),
                                        text,
                                        "anl",
                                        "")))
                        .isTrue();
            }
        }
    }

    @Test
    void valuesArePrintedAsCPrintfG() {
        assertThat(LevelNames.printfG(2)).isEqualTo("2");
        assertThat(LevelNames.printfG(0.1)).isEqualTo("0.1");
        assertThat(LevelNames.printfG(1013.2)).isEqualTo("1013.2");
        assertThat(LevelNames.printfG(100000)).isEqualTo("100000");
        assertThat(LevelNames.printfG(1000000)).isEqualTo("1e+06");
        assertThat(LevelNames.printfG(2e-6)).isEqualTo("2e-06");
        assertThat(LevelNames.printfG(-2e-6)).isEqualTo("-2e-06");
        assertThat(LevelNames.printfG(0)).isEqualTo("0");
    }

    @Test
    void unknownTextsAreNotGuessed() {
        assertThat(LevelNames.parseWgrib2("2 m above the clouds")).isEmpty();
        assertThat(LevelNames.parseWgrib2("")).isEmpty();
    }

    @Test
    void selectorsRefuseWgrib2LevelsAndSuggestTheInspectLabel() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldSelector.parse("TMP | 2 m above ground"))
                .hasMessageContaining("level '2 m above ground' is not a level label as wx inspect prints it")
                .hasMessageContaining("'2 m (Specified height level above ground)'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldSelector.parse("TMP:2 m above ground"))
                .hasMessageContaining("is not 'PARAMETER | LEVEL'");
        assertThat(FieldSelector.parse(" TMP |  2 m (Specified height level above ground) "))
                .isEqualTo(new FieldSelector("TMP", "2 m (Specified height level above ground)"));
    }
}
