package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointValueTest {
    private static final String NAM = "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2";

    private static WeatherStore open(Path file) throws IOException {
        return WeatherStore.open(
                StoreSettings.of(file, FileFormat.GRIB2), new FieldCache(64 << 20), java.time.Clock.systemUTC(), null);
    }

    /** ecCodes' value of the grid point nearest to lat/lon in the n-th message (from 1). */
    private static double eccodes(Path file, int message, double lat, double lon) {
        String out =
                Tools.run(List.of("grib_get", "-l", lat + "," + lon + ",1", "-w", "count=" + message, file.toString()));
        return Double.parseDouble(out.trim());
    }

    @ParameterizedTest
    @CsvSource({"38.5,-97.5", "45.2,-120.3", "30.1,-85.7", "47.6,-68.9", "26.0,-81.0"})
    void valueAtAPointIsTheNearestGridPointsAsEccodesFindsIt(double lat, double lon) throws IOException {
        Tools.require("grib_get");
        Path file = TestData.file(NAM);
        try (WeatherStore store = open(file)) {
            Slice t2m = store.snapshot().coverage("TMP_HTGL").slices().get(0);
            PointValue p = PointValue.at(t2m, lon, lat, store.cache());
            assertThat(p.state()).isEqualTo(PointValue.State.VALUE);
            int message = ((org.gsweather.grib2.Grib2Field) t2m.scalar().field()).message();
            assertThat(p.value()).isCloseTo(eccodes(file, message, lat, lon), within(1e-3));
        }
    }

    @Test
    void gridRelativeWindIsTurnedToTrueNorthAsNcepDoes() throws IOException {
        Tools.require("grib_get");
        Path file = TestData.file(NAM);
        try (WeatherStore store = open(file)) {
            Slice wind = store.snapshot().coverage("WIND_HTGL").slices().get(0);
            int uMessage = ((org.gsweather.grib2.Grib2Field) wind.u().field()).message();
            int vMessage = ((org.gsweather.grib2.Grib2Field) wind.v().field()).message();
            for (double[] ll : new double[][] {{40, -100}, {47, -70}, {32, -118}, {25, -80}}) {
                PointValue p = PointValue.at(wind, ll[1], ll[0], store.cache());
                double ug = eccodes(file, uMessage, ll[0], ll[1]);
                double vg = eccodes(file, vMessage, ll[0], ll[1]);
                // NCEP w3lib: angle = cone * (lon - LoV), cone = sin(25 deg) for AWIPS 211
                double dLon = Math.IEEEremainder(p.gridLon() - 265, 360);
                double a = Math.sin(Math.toRadians(25)) * Math.toRadians(dLon);
                double ue = Math.cos(a) * ug + Math.sin(a) * vg;
                double ve = -Math.sin(a) * ug + Math.cos(a) * vg;
                assertThat(p.value())
                        .as("u at %s", java.util.Arrays.toString(ll))
                        .isCloseTo(ue, within(2e-3));
                assertThat(p.v()).as("v at %s", java.util.Arrays.toString(ll)).isCloseTo(ve, within(2e-3));
                assertThat(p.speed()).isCloseTo(Math.hypot(ug, vg), within(2e-3));
                double from = Math.toDegrees(Math.atan2(-ue, -ve));
                assertThat(p.directionFrom()).isCloseTo(from < 0 ? from + 360 : from, within(0.05));
            }
        }
    }

    @Test
    void pointsOffTheGridSaySoAndMissingValuesSayWhy() throws IOException {
        try (WeatherStore store = open(TestData.file(NAM))) {
            Slice t2m = store.snapshot().coverage("TMP_HTGL").slices().get(0);
            assertThat(PointValue.at(t2m, 10, 50, store.cache()).state()).isEqualTo(PointValue.State.OUTSIDE);
        }
        Path mrms = TestData.file("grib2/grib-rs/MRMS_ReflectivityAtLowestAltitude_00.50_20230406-120039.grib2.gz");
        try (WeatherStore store = open(mrms)) {
            Slice r = store.snapshot()
                    .coverage("ReflectivityAtLowestAltitude_GPML")
                    .slices()
                    .get(0);
            PointValue atlantic = PointValue.at(r, -62, 27, store.cache());
            assertThat(atlantic.state()).isEqualTo(PointValue.State.MISSING);
            assertThat(atlantic.missingMeaning()).isNotNull();
            assertThat(PointValue.at(r, 0, 0, store.cache()).state()).isEqualTo(PointValue.State.OUTSIDE);
        }
    }
}
