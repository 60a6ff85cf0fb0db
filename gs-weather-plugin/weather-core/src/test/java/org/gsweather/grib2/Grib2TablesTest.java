package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gsweather.field.Parameter;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Grib2TablesTest {

    private static final int NCEP = 7;
    private static final int NWSTG = 8;
    private static final int JMA = 34;
    private static final int CANADA = 54;
    private static final int ECMWF = 98;
    private static final int NOAA_OAR = 161;

    /** Expected: the short names wgrib2 prints, the names and units of GDAL/degrib. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|0|0|98|0|TMP|Temperature|K",
                "0|2|2|7|0|UGRD|u-component of wind|m/s",
                "0|2|3|7|0|VGRD|v-component of wind|m/s",
                "0|3|5|7|0|HGT|Geopotential height|gpm",
                "0|1|8|7|0|APCP|Total precipitation|kg/(m^2)",
                "0|7|6|7|0|CAPE|Convective available potential energy|J/kg",
                "0|3|1|7|0|PRMSL|Pressure reduced to MSL|Pa",
                "10|0|3|7|0|HTSGW|Significant height of combined wind waves and swell|m",
                "0|1|1|34|0|RH|Relative humidity|%",
                "0|16|196|7|0|REFC|Maximum / Composite radar reflectivity|dB",
                "0|3|196|7|0|HPBL|Planetary Boundary Layer Height|m",
                "0|7|193|7|0|4LFTX|Best (4 layer) Lifted Index|K",
                "0|1|198|8|65535|MinRH|Minimum Relative Humidity|%",
                "0|192|192|8|65535|FireWx|Critical Fire Weather|%",
            })
    void parametersOfTheTables(
            int discipline,
            int category,
            int number,
            int center,
            int subcenter,
            String shortName,
            String name,
            String units) {
        Parameter parameter = Grib2Tables.parameter(discipline, category, number, center, subcenter);
        assertThat(parameter).isEqualTo(new Parameter(shortName, name, units));
        assertThat(Grib2Tables.isKnown(parameter)).isTrue();
    }

    @Test
    void wmoParametersDoNotDependOnTheCentre() {
        assertThat(Grib2Tables.parameter(0, 0, 0, NCEP, 0))
                .isSameAs(Grib2Tables.parameter(0, 0, 0, ECMWF, 0))
                .isSameAs(Grib2Tables.parameter(0, 0, 0, 65535, 65535));
        // Canada's local table only holds four codes: CAPE still comes from the WMO table
        assertThat(Grib2Tables.parameter(0, 7, 6, CANADA, 0).shortName()).isEqualTo("CAPE");
    }

    @Test
    void mrmsProductsWhateverTheCentre() {
        Parameter reflectivity = new Parameter("ReflectivityAtLowestAltitude", "ReflectivityAtLowestAltitude", "dBZ");
        // grib_ls on the MRMS test file: centre 161, subCentre 0, discipline 209, category 3, number 57
        assertThat(Grib2Tables.parameter(209, 3, 57, NOAA_OAR, 0)).isEqualTo(reflectivity);
        assertThat(Grib2Tables.parameter(209, 3, 57, NCEP, 0)).isEqualTo(reflectivity);
        assertThat(Grib2Tables.parameter(209, 3, 57, 0, 0)).isEqualTo(reflectivity);
        assertThat(Grib2Tables.parameter(209, 2, 0, NOAA_OAR, 1).shortName()).isEqualTo("NLDN_CG_001min_AvgDensity");
    }

    @Test
    void localTablesOfTheCentreAndSubcentre() {
        assertThat(Grib2Tables.parameter(0, 4, 192, CANADA, 0))
                .isEqualTo(new Parameter("DSWRF_SFC_0", "Downward incident solar flux", "W/m^2"));
        assertThat(Grib2Tables.parameter(0, 4, 192, NCEP, 0).shortName()).isEqualTo("DSWRF");
        // HPC (7/5) has its own table, and NCEP's for everything else
        assertThat(Grib2Tables.parameter(0, 1, 192, NCEP, 5).shortName()).isEqualTo("HPC-Wx");
        assertThat(Grib2Tables.parameter(0, 1, 192, NCEP, 0).shortName()).isEqualTo("CRAIN");
        assertThat(Grib2Tables.parameter(0, 7, 193, NCEP, 5).shortName()).isEqualTo("4LFTX");
        // NDFD is centre 8 with subcentre 0 or missing only
        assertThat(Grib2Tables.parameter(0, 1, 198, NWSTG, 0).shortName()).isEqualTo("MinRH");
        assertThat(Grib2Tables.isKnown(Grib2Tables.parameter(0, 1, 198, NWSTG, 3)))
                .isFalse();
        // a code in the WMO range that the WMO table lacks falls back to the local table (as in GDAL)
        assertThat(Grib2Tables.parameter(0, 10, 8, NWSTG, 0).shortName()).isEqualTo("PoP12");
    }

    @Test
    void unknownCodes() {
        // wgrib2: var discipline=0 center=34 local_table=1 parmcat=13 parm=192 (JMA, no local table)
        Parameter unknown = Grib2Tables.parameter(0, 13, 192, JMA, 0);
        assertThat(unknown)
                .isEqualTo(new Parameter("var0_13_192", "discipline 0 category 13 parameter 192", "unknown"));
        assertThat(Grib2Tables.isKnown(unknown)).isFalse();
        // NCEP's local codes mean nothing for other centres
        assertThat(Grib2Tables.parameter(0, 16, 196, JMA, 0).shortName()).isEqualTo("var0_16_196");
        assertThat(Grib2Tables.parameter(0, 193, 0, JMA, 0).shortName()).isEqualTo("var0_193_0");
        // reserved WMO code, and values a broken file could hold
        assertThat(Grib2Tables.parameter(0, 0, 191, NCEP, 0).units()).isEqualTo("unknown");
        assertThat(Grib2Tables.parameter(-1, 0, 300, NCEP, 0))
                .isEqualTo(new Parameter("var-1_0_300", "discipline -1 category 0 parameter 300", "unknown"));
    }

    @Test
    void wmoCodesGdalNamesWithoutAbbreviationKeepTheirNameAndUnits() {
        Parameter wetBulb = Grib2Tables.parameter(0, 0, 32, ECMWF, 0);
        assertThat(wetBulb).isEqualTo(new Parameter("var0_0_32", "Wet-bulb potential temperature", "K"));
        assertThat(Grib2Tables.isKnown(wetBulb)).isTrue();
    }

    @Test
    void levelTypes() {
        assertThat(Grib2Tables.levelType(1)).isEqualTo(new LevelType("SFC", "Ground or water surface", "-"));
        assertThat(Grib2Tables.levelType(100)).isEqualTo(new LevelType("ISBL", "Isobaric surface", "Pa"));
        assertThat(Grib2Tables.levelType(101).shortName()).isEqualTo("MSL");
        assertThat(Grib2Tables.levelType(103))
                .isEqualTo(new LevelType("HTGL", "Specified height level above ground", "m"));
        assertThat(Grib2Tables.levelType(106).units()).isEqualTo("m");
        assertThat(Grib2Tables.levelType(108).shortName()).isEqualTo("SPDL");
        assertThat(Grib2Tables.levelType(200))
                .isEqualTo(new LevelType("EATM", "Entire atmosphere (considered as a single layer)", "-"));
        assertThat(Grib2Tables.levelType(241)).isEqualTo(new LevelType("LVL241", "local level type 241", "unknown"));
        assertThat(Grib2Tables.levelType(244).shortName()).isEqualTo("CCY");
        assertThat(Grib2Tables.levelType(118)).isEqualTo(new LevelType("LVL118", "Hybrid height level", "-"));
        assertThat(Grib2Tables.levelType(19)).isEqualTo(new LevelType("LVL19", "level type 19", "unknown"));
        assertThat(Grib2Tables.levelType(255)).isEqualTo(new LevelType("MISSING", "Missing", "-"));
        assertThat(Grib2Tables.levelType(256).units()).isEqualTo("unknown");
        assertThat(Grib2Tables.levelType(-1).shortName()).isEqualTo("LVL-1");
    }

    @Test
    void centresSubcentresAndProcesses() {
        assertThat(Grib2Tables.center(7)).isEqualTo("US-NCEP");
        assertThat(Grib2Tables.center(34)).isEqualTo("Tokyo");
        assertThat(Grib2Tables.center(54)).isEqualTo("Montreal");
        assertThat(Grib2Tables.center(98)).isEqualTo("ECMWF");
        assertThat(Grib2Tables.center(161)).isEqualTo("US-OAR");
        assertThat(Grib2Tables.center(65535)).isEqualTo("centre 65535");
        assertThat(Grib2Tables.subcenter(7, 5)).isEqualTo("Hydrometeorological Prediction Center");
        assertThat(Grib2Tables.subcenter(8, 0)).isEqualTo("National Digital Forecast Database");
        assertThat(Grib2Tables.subcenter(98, 0)).isEqualTo("subcentre 0");
        assertThat(Grib2Tables.generatingProcess(7, 96)).contains("Global Forecast System");
        assertThat(Grib2Tables.generatingProcess(98, 96)).isEqualTo("process 96");
        assertThat(Grib2Tables.generatingProcess(-7, 96)).isEqualTo("process 96");
    }

    @Test
    void templateNames() {
        assertThat(Grib2Tables.gridTemplateName(0)).isEqualTo("regular lat/lon");
        assertThat(Grib2Tables.gridTemplateName(1)).isEqualTo("rotated lat/lon");
        assertThat(Grib2Tables.gridTemplateName(10)).isEqualTo("Mercator");
        assertThat(Grib2Tables.gridTemplateName(20)).isEqualTo("polar stereographic");
        assertThat(Grib2Tables.gridTemplateName(30)).isEqualTo("Lambert conformal");
        assertThat(Grib2Tables.gridTemplateName(40)).isEqualTo("Gaussian");
        assertThat(Grib2Tables.gridTemplateName(90)).isEqualTo("space view");
        assertThat(Grib2Tables.gridTemplateName(101)).isEqualTo("general unstructured grid");
        assertThat(Grib2Tables.gridTemplateName(32769)).isEqualTo("NCEP rotated lat/lon (Arakawa non-E staggered)");
        assertThat(Grib2Tables.gridTemplateName(6)).isEqualTo("reserved");
        assertThat(Grib2Tables.gridTemplateName(40000)).isEqualTo("reserved for local use");
        assertThat(Grib2Tables.gridTemplateName(65535)).isEqualTo("missing");

        assertThat(Grib2Tables.productTemplateName(0)).isEqualTo("analysis or forecast at a point in time");
        assertThat(Grib2Tables.productTemplateName(1)).isEqualTo("individual ensemble forecast at a point in time");
        assertThat(Grib2Tables.productTemplateName(8)).isEqualTo("statistically processed values over a time interval");
        assertThat(Grib2Tables.productTemplateName(9)).isEqualTo("probability forecast over a time interval");
        assertThat(Grib2Tables.productTemplateName(16)).isEqualTo("reserved");

        assertThat(Grib2Tables.dataRepresentationName(0)).isEqualTo("simple packing");
        assertThat(Grib2Tables.dataRepresentationName(3)).isEqualTo("complex packing with spatial differencing");
        assertThat(Grib2Tables.dataRepresentationName(40)).isEqualTo("JPEG 2000");
        assertThat(Grib2Tables.dataRepresentationName(41)).isEqualTo("PNG");
        assertThat(Grib2Tables.dataRepresentationName(42)).isEqualTo("CCSDS lossless compression");
        assertThat(Grib2Tables.dataRepresentationName(200)).isEqualTo("run length packing with level values");
        assertThat(Grib2Tables.dataRepresentationName(40000)).isEqualTo("JPEG 2000 (NCEP local 40000)");
        assertThat(Grib2Tables.dataRepresentationName(5)).isEqualTo("reserved");
        assertThat(Grib2Tables.dataRepresentationName(49152)).isEqualTo("reserved for local use");
    }

    @Test
    void smallCodeTables() {
        assertThat(Grib2Tables.statisticalProcess(0)).isEqualTo("average");
        assertThat(Grib2Tables.statisticalProcess(1)).isEqualTo("accumulation");
        assertThat(Grib2Tables.statisticalProcess(2)).isEqualTo("maximum");
        assertThat(Grib2Tables.statisticalProcess(3)).isEqualTo("minimum");
        assertThat(Grib2Tables.statisticalProcess(4)).isEqualTo("difference (end minus start)");
        assertThat(Grib2Tables.statisticalProcess(5)).isEqualTo("root mean square");
        assertThat(Grib2Tables.statisticalProcess(6)).isEqualTo("standard deviation");
        assertThat(Grib2Tables.statisticalProcess(193)).isEqualTo("reserved for local use");
        assertThat(Grib2Tables.statisticalProcess(255)).isEqualTo("missing");

        assertThat(Grib2Tables.ensembleType(3)).isEqualTo("positively perturbed forecast");
        assertThat(Grib2Tables.derivedForecast(0)).isEqualTo("unweighted mean of all members");
        assertThat(Grib2Tables.derivedForecast(4)).isEqualTo("spread of all members");
        assertThat(Grib2Tables.probabilityType(1)).isEqualTo("above upper limit");
        assertThat(Grib2Tables.probabilityType(2)).isEqualTo("between lower and upper limits");
        assertThat(Grib2Tables.probabilityType(100)).isEqualTo("reserved");

        assertThat(Grib2Tables.timeUnit(0)).isEqualTo("minute");
        assertThat(Grib2Tables.timeUnit(1)).isEqualTo("hour");
        assertThat(Grib2Tables.timeUnit(3)).isEqualTo("month");
        assertThat(Grib2Tables.timeUnit(11)).isEqualTo("6 hours");
        assertThat(Grib2Tables.timeUnit(13)).isEqualTo("second");
        assertThat(Grib2Tables.timeUnit(255)).isEqualTo("missing");
    }

    @Test
    void addingTimeUnits() {
        Instant t = Instant.parse("2024-01-31T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 90, 0)).isEqualTo("2024-01-31T13:30:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 36, 1)).isEqualTo("2024-02-02T00:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 2, 2)).isEqualTo("2024-02-02T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 1, 3)).isEqualTo("2024-02-29T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 13, 3)).isEqualTo("2025-02-28T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, -1, 3)).isEqualTo("2023-12-31T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(Instant.parse("2024-02-29T00:00:00Z"), 1, 4))
                .isEqualTo("2025-02-28T00:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 1, 5)).isEqualTo("2034-01-31T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 1, 6)).isEqualTo("2054-01-31T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 1, 7)).isEqualTo("2124-01-31T12:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 3, 10)).isEqualTo("2024-01-31T21:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 2, 11)).isEqualTo("2024-02-01T00:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 1, 12)).isEqualTo("2024-02-01T00:00:00Z");
        assertThat(Grib2Tables.plusTimeUnits(t, 30, 13)).isEqualTo("2024-01-31T12:00:30Z");
        assertThatThrownBy(() -> Grib2Tables.plusTimeUnits(t, 1, 255))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> Grib2Tables.plusTimeUnits(t, 1, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookupsFromManyThreadsSeeTheSameTables() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Parameter>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                tasks.add(() -> Grib2Tables.parameter(0, 2, 2, NCEP, 0));
            }
            Parameter first = Grib2Tables.parameter(0, 2, 2, NCEP, 0);
            for (Future<Parameter> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Codes ecCodes names and these tables do not, by discipline/category/number@centre. */
    private static final Map<String, String> KNOWN_DIFFERENCES =
            Map.of("0/1/193@98", "ECMWF local total precipitation (tp, m): GDAL has no ECMWF local table");

    /**
     * Every field of the real files under {@code testdata/grib2} that ecCodes names (its shortName is
     * not {@code unknown}) resolves to a known parameter here, with units of the same dimension. An
     * accumulation (code table 4.10 value 1) of a rate, e.g. 0/1/52 total precipitation rate in
     * template 4.8, is an amount: ecCodes names it {@code tp} in kg m**-2, the table says kg/(m^2*s).
     */
    @Test
    void everyFieldEcCodesNamesIsKnownWithCompatibleUnits() throws IOException {
        Tools.require("grib_get");
        Path root = TestData.root();
        List<String> files;
        try (Stream<Path> walk = Files.walk(root.resolve("grib2"))) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    // gen/ holds raw float32 reference values, not GRIB
                    .filter(p -> !p.contains("/gen/"))
                    .sorted()
                    .toList();
        }
        Map<String, String> problems = new TreeMap<>();
        Map<String, String> onlyHere = new TreeMap<>();
        int checked = 0;
        for (String relative : files) {
            Path file = TestData.file(relative);
            if (!isGrib(file)) {
                continue;
            }
            String out = Tools.run(List.of(
                    "grib_get",
                    "-f",
                    "-p",
                    "discipline,parameterCategory,parameterNumber,centre:i,subCentre,"
                            + "typeOfStatisticalProcessing,shortName,units",
                    file.toString()));
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\s+", 8);
                if (f.length < 8 || !f[0].matches("\\d+")) {
                    continue;
                }
                int d = Integer.parseInt(f[0]);
                int c = Integer.parseInt(f[1]);
                int n = Integer.parseInt(f[2]);
                int centre = Integer.parseInt(f[3]);
                int subcentre = Integer.parseInt(f[4]);
                String key = d + "/" + c + "/" + n + "@" + centre;
                Parameter ours = Grib2Tables.parameter(d, c, n, centre, subcentre);
                if (f[6].equals("unknown")) {
                    if (Grib2Tables.isKnown(ours)) {
                        onlyHere.put(key, ours.toString());
                    }
                    continue;
                }
                checked++;
                String eccodes = f[6] + " [" + f[7] + "]";
                boolean accumulation = f[5].equals("1");
                if (!Grib2Tables.isKnown(ours)) {
                    problems.put(key, "unknown here, ecCodes " + eccodes + " in " + relative);
                } else if (!Units.compatible(ours.units(), f[7])
                        && !(accumulation && Units.compatibleAccumulated(ours.units(), f[7]))) {
                    problems.put(key, ours + " vs ecCodes " + eccodes + " in " + relative);
                }
            }
        }
        problems.forEach((k, v) -> System.out.println("ecCodes differs: " + k + " " + v));
        onlyHere.forEach((k, v) -> System.out.println("known here, not by ecCodes: " + k + " " + v));

        assertThat(checked).as("fields ecCodes names").isGreaterThan(100);
        assertThat(problems.keySet()).containsExactlyInAnyOrderElementsOf(KNOWN_DIFFERENCES.keySet());
    }

    private static boolean isGrib(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // NDFD files start with a WMO header of a few dozen octets before GRIB
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            return head.contains("GRIB");
        }
    }

    @Test
    void unitComparison() {
        assertThat(Units.compatible("kg/(m^2)", "kg m**-2")).isTrue();
        assertThat(Units.compatible("kg/(m^2*s)", "kg m**-2 s**-1")).isTrue();
        assertThat(Units.compatible("kg m-2 s-1", "kg/(m^2 s)")).isTrue();
        assertThat(Units.compatible("m^2/s^2", "m**2 s**-2")).isTrue();
        assertThat(Units.compatible("(K m^2)/(kg s)", "K m**2 kg**-1 s**-1")).isTrue();
        assertThat(Units.compatible("J/kg", "J kg**-1")).isTrue();
        assertThat(Units.compatible("Degree true", "deg")).isTrue();
        assertThat(Units.compatible("Proportion", "(0 - 1)")).isTrue();
        assertThat(Units.compatible("0=no; 1=yes", "(Code table 4.222)")).isTrue();
        assertThat(Units.compatible("Fraction", "Proportion")).isTrue();
        assertThat(Units.compatible("J/kg", "m**2 s**-2")).isTrue();
        assertThat(Units.compatible("W/(m^2)", "J m**-2 s**-1")).isTrue();
        assertThat(Units.compatible("gpm", "m")).isTrue();
        assertThat(Units.compatible("Dobson", "DU")).isTrue();
        assertThat(Units.compatible("deg true", "Degree true")).isTrue();
        assertThat(Units.compatibleAccumulated("kg/(m^2*s)", "kg m**-2")).isTrue();
        assertThat(Units.compatibleAccumulated("K", "K")).isFalse();
        assertThat(Units.compatible("m", "kg m**-2")).isFalse();
        assertThat(Units.compatible("%", "(0 - 1)")).isFalse();
        assertThat(Units.compatible("K", "m")).isFalse();
    }

    /** Dimensions of the unit strings of GDAL/degrib ({@code kg/(m^2 s)}) and ecCodes ({@code kg m**-2}). */
    private static final class Units {
        private static final Pattern TOKEN = Pattern.compile("\\s*(\\*\\*|\\^|[*/()]|[A-Za-z%]+|[-+]?\\d+)");

        /** SI derived units as base units; gpm (geopotential metre) as a length. */
        private static final Map<String, Map<String, Integer>> DERIVED = Map.of(
                "j", Map.of("kg", 1, "m", 2, "s", -2),
                "w", Map.of("kg", 1, "m", 2, "s", -3),
                "n", Map.of("kg", 1, "m", 1, "s", -2),
                "pa", Map.of("kg", 1, "m", -1, "s", -2),
                "gpm", Map.of("m", 1),
                "dobson", Map.of("du", 1));

        static boolean compatible(String a, String b) {
            return dimensions(a).equals(dimensions(b));
        }

        /** Whether {@code rate} accumulated over time (times seconds) has the units {@code amount}. */
        static boolean compatibleAccumulated(String rate, String amount) {
            Map<String, Integer> dims = new TreeMap<>(dimensions(rate));
            dims.merge("s", 1, Integer::sum);
            dims.values().removeIf(v -> v == 0);
            return dims.equals(dimensions(amount));
        }

        static Map<String, Integer> dimensions(String units) {
            String u = units.trim().toLowerCase();
            if (u.isEmpty()
                    || u.equals("-")
                    || u.equals("1")
                    || u.equals("numeric")
                    || u.equals("proportion")
                    || u.equals("fraction")
                    || u.equals("non-dim")
                    || u.equals("dimensionless")
                    || u.equals("(0 - 1)")
                    || u.contains("code table")
                    || u.contains("=")) {
                return Map.of();
            }
            if (u.equals("degree true") || u.equals("deg true") || u.equals("degree") || u.equals("deg")) {
                return Map.of("deg", 1);
            }
            Map<String, Integer> dims = new TreeMap<>();
            List<String> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(u);
            int end = 0;
            while (m.lookingAt()) {
                tokens.add(m.group(1));
                end = m.end();
                m.region(end, u.length());
            }
            if (end != u.length()) {
                return Map.of("<" + u + ">", 1);
            }
            int[] at = {0};
            product(tokens, at, 1, dims);
            dims.values().removeIf(v -> v == 0);
            return dims;
        }

        /** Juxtaposed or {@code *} factors; each {@code /} inverts the factors up to the next one. */
        private static void product(List<String> tokens, int[] at, int sign, Map<String, Integer> dims) {
            int s = sign;
            while (at[0] < tokens.size() && !tokens.get(at[0]).equals(")")) {
                String t = tokens.get(at[0]++);
                if (t.equals("/")) {
                    s = -sign;
                } else if (t.equals("*")) {
                    continue;
                } else if (t.equals("(")) {
                    Map<String, Integer> inner = new TreeMap<>();
                    product(tokens, at, 1, inner);
                    at[0]++; // ")"
                    int power = exponent(tokens, at);
                    int factor = s * power;
                    inner.forEach((k, v) -> dims.merge(k, v * factor, Integer::sum));
                } else if (Character.isLetter(t.charAt(0)) || t.equals("%")) {
                    int power = s * exponent(tokens, at);
                    DERIVED.getOrDefault(t, Map.of(t, 1)).forEach((k, v) -> dims.merge(k, v * power, Integer::sum));
                } else {
                    exponent(tokens, at); // a number, e.g. 10^-6: a scale, not a dimension
                }
            }
        }

        private static int exponent(List<String> tokens, int[] at) {
            if (at[0] < tokens.size()) {
                String t = tokens.get(at[0]);
                if (t.equals("^") || t.equals("**")) {
                    at[0] += 2;
                    return Integer.parseInt(tokens.get(at[0] - 1));
                }
                if (t.matches("[-+]?\\d+")) {
                    at[0]++;
                    return Integer.parseInt(t);
                }
            }
            return 1;
        }
    }
}
