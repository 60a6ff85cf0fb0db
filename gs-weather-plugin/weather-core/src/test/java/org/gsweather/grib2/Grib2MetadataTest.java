package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.gsweather.field.FieldInfo;
import org.gsweather.testing.EccodesOracle;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the index says of every field of every GRIB2 test file, against ecCodes: product template,
 * valid time, statistical period (templates 4.8, 4.9, 4.11, 4.12), level value, ensemble member
 * (4.1, 4.11) and probability definition (4.5, 4.9).
 */
class Grib2MetadataTest {
    private static final DateTimeFormatter VALIDITY = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    @TestFactory
    Stream<DynamicTest> identifiesEveryFieldLikeEccodes() {
        Path root = TestData.root();
        EccodesOracle.require();
        List<DynamicTest> tests = new ArrayList<>();
        for (String relative : Grib2ReferenceTest.gribFiles(root)) {
            String name = Path.of(relative).getFileName().toString();
            if (!name.startsWith("icon_") && !name.startsWith("rap.") && !name.startsWith("reduced_")) {
                tests.add(DynamicTest.dynamicTest(relative, () -> compare(relative)));
            }
        }
        return tests.stream();
    }

    private static void compare(String relative) throws IOException {
        Path path = TestData.file(relative);
        EccodesOracle oracle = EccodesOracle.of(path, false);
        SoftAssertions soft = new SoftAssertions();
        try (Grib2File file = Grib2File.open(path)) {
            for (Grib2Field field : file.fields()) {
                int n = field.number();
                if (!oracle.error(n).isEmpty() && oracle.key(n, "validityDate").isEmpty()) {
                    continue; // ecCodes could not read this field at all (JMA 5.200)
                }
                String where = relative + " field " + n;
                FieldInfo info = field.info();
                soft.assertThat(field.productTemplate())
                        .as(where + " product template")
                        .isEqualTo(Integer.parseInt(oracle.key(n, "productDefinitionTemplateNumber")));
                soft.assertThat(info.validTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                        .as(where + " valid time (ecCodes gives minutes)")
                        .isEqualTo(validity(oracle.key(n, "validityDate"), oracle.key(n, "validityTime")));

                boolean statistical = java.util.Set.of(8, 9, 10, 11, 12).contains(field.productTemplate());
                soft.assertThat(info.timeRange() != null)
                        .as(where + " statistical")
                        .isEqualTo(statistical);
                if (statistical
                        && info.timeRange() != null
                        && oracle.key(n, "stepUnits").equals("1")) {
                    soft.assertThat(hours(info, info.timeRange().start()))
                            .as(where + " start step (h)")
                            .isEqualTo(Long.parseLong(oracle.key(n, "startStep")));
                    soft.assertThat(hours(info, info.timeRange().end()))
                            .as(where + " end step (h)")
                            .isEqualTo(Long.parseLong(oracle.key(n, "endStep")));
                }

                String member = oracle.key(n, "perturbationNumber");
                if (!member.isEmpty() && !member.equals("not_found")) {
                    soft.assertThat(info.ensemble()).as(where + " ensemble").isNotNull();
                    if (info.ensemble() != null) {
                        soft.assertThat(info.ensemble().member())
                                .as(where + " member")
                                .isEqualTo(Integer.parseInt(member));
                        soft.assertThat(info.ensemble().size())
                                .as(where + " ensemble size")
                                .isEqualTo(Integer.parseInt(oracle.key(n, "numberOfForecastsInEnsemble")));
                    }
                }

                String probability = oracle.key(n, "probabilityType");
                if (!probability.isEmpty() && !probability.equals("-1")) {
                    soft.assertThat(info.probability())
                            .as(where + " probability")
                            .isNotNull();
                    if (info.probability() != null) {
                        soft.assertThat(info.probability().kind())
                                .as(where + " probability type")
                                .isEqualTo(Grib2Tables.probabilityType(Integer.parseInt(probability)));
                        limit(soft, where + " lower limit", info.probability().lower(), oracle.key(n, "lowerLimit"));
                        limit(soft, where + " upper limit", info.probability().upper(), oracle.key(n, "upperLimit"));
                    }
                }

                String scaled = oracle.key(n, "scaledValueOfFirstFixedSurface");
                String factor = oracle.key(n, "scaleFactorOfFirstFixedSurface");
                if (!Double.isNaN(info.level().value()) && scaled.matches("\\d+") && factor.matches("-?\\d+")) {
                    double expected = signAndMagnitude(Long.parseLong(scaled)) / Math.pow(10, Integer.parseInt(factor));
                    soft.assertThat(info.level().value())
                            .as(where + " level value")
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, expected)));
                }
            }
        }
        soft.assertAll();
    }

    /**
     * ecCodes declares the scaled value of a fixed surface unsigned and gives GFS's negative potential-vorticity
     * surface as 2147485648; WMO regulation 92.1.5 (and wgrib2, {@code PV=-2e-06}) reads the top bit as the sign.
     */
    private static long signAndMagnitude(long unsigned) {
        return unsigned >= 0x80000000L ? -(unsigned & 0x7fffffffL) : unsigned;
    }

    private static long hours(FieldInfo info, java.time.Instant t) {
        return Duration.between(info.referenceTime(), t).toHours();
    }

    private static void limit(SoftAssertions soft, String what, double ours, String eccodes) {
        double expected = Double.parseDouble(eccodes);
        if (Math.abs(expected) < 1e90) { // ecCodes gives -1e+100 for a missing limit
            soft.assertThat(ours).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    private static java.time.Instant validity(String date, String time) {
        String hhmm = String.format("%04d", Integer.parseInt(time));
        return LocalDateTime.parse(date + hhmm, VALIDITY).toInstant(ZoneOffset.UTC);
    }

    @org.junit.jupiter.api.Test
    void theSouthernPotentialVorticitySurfaceIsNegative() throws IOException {
        try (Grib2File gfs = Grib2File.open(TestData.file("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2"))) {
            // wgrib2: 327:...:UGRD:PV=2e-06 (Km^2/kg/s) surface, 333:...:UGRD:PV=-2e-06 (Km^2/kg/s) surface
            org.gsweather.field.Level north = gfs.field(327).info().level();
            org.gsweather.field.Level south = gfs.field(333).info().level();
            assertThat(north.type()).isEqualTo(south.type());
            assertThat(north.description()).containsIgnoringCase("potential vorticity");
            assertThat(north.value()).isEqualTo(2e-6);
            assertThat(south.value()).isEqualTo(-2e-6);
            assertThat(south.label()).isEqualTo("-" + north.label()).startsWith("-2.0E-6 ");
        }
    }

    @org.junit.jupiter.api.Test
    void theMetadataCheckFailsOnAWrongValidTime() {
        assertThat(validity("20240521", "600")).isEqualTo(java.time.Instant.parse("2024-05-21T06:00:00Z"));
    }
}
