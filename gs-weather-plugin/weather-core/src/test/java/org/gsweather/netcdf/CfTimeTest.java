package org.gsweather.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expected dates are those of cftime 1.6 ({@code cftime.num2date}), the reference of netCDF4-python. */
class CfTimeTest {

    private static Instant at(String units, String calendar, double value) {
        return CfTime.parse(units, calendar).instant(value);
    }

    @Test
    void hoursSinceAnOriginInTheStandardCalendar() {
        assertThat(at("hours since 2024-01-01 00:00:00", "standard", 36.5)).isEqualTo("2024-01-02T12:30:00Z");
        assertThat(at("hours since 2024-01-01 00:00:00", "gregorian", 8784)).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(at("hours since 1800-01-01", null, 1875360)).isEqualTo("2013-12-10T00:00:00Z");
    }

    @Test
    void goesSecondsSinceJ2000KeepMilliseconds() {
        assertThat(at("seconds since 2000-01-01 12:00:00", "standard", 625225358.321))
                .isEqualTo("2019-10-24T21:42:38.321Z");
    }

    @Test
    void isoOriginWithTAndZAndFractionalSecondsParse() {
        assertThat(at("minutes since 1970-01-01T00:00:00Z", "standard", 90)).isEqualTo("1970-01-01T01:30:00Z");
        assertThat(at("days since 1970-01-01 00:00:0.0", "gregorian", 31)).isEqualTo("1970-02-01T00:00:00Z");
    }

    @Test
    void timeZoneOfTheOriginIsAppliedAsUdunitsDoes() {
        // UDUNITS: the origin is 06:00 in UTC-6, i.e. 12:00 UTC (cftime ignores the offset).
        assertThat(at("hours since 2020-06-01 06:00:00 -6:00", "standard", 0)).isEqualTo("2020-06-01T12:00:00Z");
    }

    @Test
    void standardCalendarSwitchesFromJulianToGregorianIn1582() {
        assertThat(at("days since 1582-10-04", "standard", 1)).isEqualTo(Instant.parse("1582-10-15T00:00:00Z"));
        assertThat(at("days since 1582-10-04", "standard", 2)).isEqualTo(Instant.parse("1582-10-16T00:00:00Z"));
    }

    @Test
    void julianAndProlepticGregorianDifferBeforeTheReform() {
        // cftime: julian 1500-02-28 + 2 days = 1500-03-01 (Julian), which is 1500-03-11 Gregorian.
        assertThat(at("days since 1500-02-28", "julian", 2)).isEqualTo(Instant.parse("1500-03-11T00:00:00Z"));
        assertThat(at("days since 1500-02-28", "proleptic_gregorian", 2))
                .isEqualTo(Instant.parse("1500-03-02T00:00:00Z"));
    }

    @Test
    void noleapSkipsFebruary29() {
        assertThat(at("days since 2000-02-28", "noleap", 1)).isEqualTo("2000-03-01T00:00:00Z");
        assertThat(at("days since 2000-02-28", "365_day", 365)).isEqualTo("2001-02-28T00:00:00Z");
    }

    @Test
    void allLeapHasFebruary29EveryYearMappedToMarch1() {
        assertThat(at("days since 2001-02-28", "all_leap", 1)).isEqualTo("2001-03-01T00:00:00Z"); // 2001-02-29
        assertThat(at("days since 2001-02-28", "366_day", 2)).isEqualTo("2001-03-01T00:00:00Z");
    }

    @Test
    void day360HasThirtyDayMonthsAndMonthUnits() {
        assertThat(at("days since 2000-02-29", "360_day", 30)).isEqualTo("2000-03-29T00:00:00Z");
        assertThat(at("days since 2000-02-29", "360_day", 360)).isEqualTo("2001-03-01T00:00:00Z"); // 2001-02-29
        assertThat(at("months since 2000-01-01", "360_day", 13)).isEqualTo("2001-02-01T00:00:00Z");
    }

    @Test
    void unknownCalendarsAndUnitsAreRefusedByName() {
        assertThatThrownBy(() -> CfTime.parse("days since 2000-01-01", "mayan"))
                .hasMessageContaining("unknown calendar \"mayan\"");
        assertThatThrownBy(() -> CfTime.parse("fortnights since 2000-01-01", "standard"))
                .hasMessageContaining("unknown time unit \"fortnights\"");
        assertThatThrownBy(() -> CfTime.parse("months since 2000-01-01", "standard"))
                .hasMessageContaining("only exact in the 360_day calendar");
        assertThatThrownBy(() -> CfTime.parse("days since yesterday", "standard"))
                .hasMessageContaining("reference date \"yesterday\"");
        assertThatThrownBy(() -> CfTime.parse("days since 2001-02-29", "standard"))
                .hasMessageContaining("does not exist");
    }
}
