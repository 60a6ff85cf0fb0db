package org.gsweather.loadtest.capabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DimensionValuesTest {

    @Test
    void listsCommaSeparatedValuesAsTheyAre() {
        assertThat(DimensionValues.expand("2024-01-01T00:00:00.000Z, 2024-01-02T00:00:00.000Z", "t"))
                .containsExactly("2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z");
    }

    @Test
    void expandsAnHourlyTimeIntervalInclusively() {
        assertThat(DimensionValues.expand("2024-07-01T00:00:00Z/2024-07-01T18:00:00Z/PT6H", "t"))
                .containsExactly(
                        "2024-07-01T00:00:00Z", "2024-07-01T06:00:00Z", "2024-07-01T12:00:00Z", "2024-07-01T18:00:00Z");
    }

    @Test
    void expandsDailyAndMonthlyPeriods() {
        assertThat(DimensionValues.expand("2024-01-30/2024-02-01/P1D", "t"))
                .containsExactly("2024-01-30T00:00:00Z", "2024-01-31T00:00:00Z", "2024-02-01T00:00:00Z");
        assertThat(DimensionValues.expand("2024-01-31T00:00:00Z/2024-04-30T00:00:00Z/P1M", "t"))
                .containsExactly(
                        "2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-29T00:00:00Z", "2024-04-29T00:00:00Z");
    }

    @Test
    void mixesValuesAndIntervals() {
        assertThat(DimensionValues.expand("2024-01-01T00:00:00Z,2024-01-02T00:00:00Z/2024-01-02T02:00:00Z/PT1H", "t"))
                .containsExactly(
                        "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z", "2024-01-02T02:00:00Z");
    }

    @Test
    void expandsNumericIntervals() {
        assertThat(DimensionValues.expand("0/1000/250", "elevation")).containsExactly("0", "250", "500", "750", "1000");
        assertThat(DimensionValues.expand("0.5/1.5/0.5", "e")).containsExactly("0.5", "1", "1.5");
    }

    @Test
    void namesTheLayerAndValueOfABadInterval() {
        assertThatThrownBy(() -> DimensionValues.expand("2024-01-01T00:00:00Z/2024-01-02T00:00:00Z/PT0H", "layer x"))
                .hasMessage("layer x: time resolution 'PT0H' is not positive");
        assertThatThrownBy(() -> DimensionValues.expand("a/b/c/d", "layer x"))
                .hasMessage("layer x: dimension value 'a/b/c/d' is neither a value nor min/max/resolution");
        assertThatThrownBy(() -> DimensionValues.expand("yesterday/today/PT1H", "layer x"))
                .hasMessageStartingWith("layer x: time interval yesterday/today is not ISO 8601");
    }

    @Test
    void refusesToExpandAnUnboundedList() {
        assertThatThrownBy(() -> DimensionValues.expand("2000-01-01T00:00:00Z/2024-01-01T00:00:00Z/PT1M", "radar"))
                .hasMessage("radar: more than 100000 dimension values");
    }
}
