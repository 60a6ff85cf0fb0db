package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;

class DimensionTest {

    @Test
    void valuesAreTheCoveragesDomainsWrittenCanonically() throws IOException {
        try (WeatherStore store = WeatherStore.open(
                StoreSettings.of(TestData.file("grib2/noaa/fh.0012_tl.press_gr.awp211.grb2"), FileFormat.GRIB2),
                new FieldCache(1 << 20),
                java.time.Clock.systemUTC(),
                null)) {
            Coverage t = store.snapshot().coverage("TMP_ISBL");
            assertThat(Dimension.TIME.values(t)).containsExactly("2007-01-24T12:00:00.000Z");
            assertThat(Dimension.REFERENCE_TIME.values(t)).containsExactly("2007-01-24T00:00:00.000Z");
            assertThat(Dimension.ELEVATION.values(t)).startsWith("100", "150").contains("500", "1000");
        }
    }

    @Test
    void requestedValuesBecomeTheCanonicalOnes() {
        assertThat(Dimension.TIME.canonical("2007-01-24T12:00Z")).isEqualTo("2007-01-24T12:00:00.000Z");
        assertThat(Dimension.TIME.canonical("2007-01-24T12:00:00")).isEqualTo("2007-01-24T12:00:00.000Z");
        assertThat(Dimension.TIME.canonical("2007-01-24T13:00:00+01:00")).isEqualTo("2007-01-24T12:00:00.000Z");
        assertThat(Dimension.TIME.canonical("2007-01-24t12z")).isEqualTo("2007-01-24T12:00:00.000Z");
        assertThat(Dimension.ELEVATION.canonical("500.0")).isEqualTo("500");
        assertThat(Dimension.ELEVATION.canonical(" 2.5 ")).isEqualTo("2.5");
        assertThat(Dimension.ofParameter("dim_reference_time")).isEqualTo(Dimension.REFERENCE_TIME);
        assertThatThrownBy(() -> Dimension.TIME.canonical("yesterday"))
                .hasMessage("TIME=yesterday is not an ISO 8601 time such as 2026-06-01T06:00:00Z");
        assertThatThrownBy(() -> Dimension.ELEVATION.canonical("high")).hasMessage("ELEVATION=high is not a number");
    }
}
