package org.gsweather.grib2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.gsweather.field.Parameter;

/**
 * WMO GRIB2 code tables and the NCEP/MRMS local tables, as names for listings.
 *
 * <p>Parameters (code table 4.2 and the local tables), fixed surfaces (4.5), centres, subcentres and
 * NCEP generating processes come from GDAL's GRIB2 tables (MIT licence, see {@code NOTICE}), turned
 * into the resources beside this class by {@code src/build/generate-grib2-tables.py}. The template
 * and small code tables GDAL does not ship are written here from the WMO Manual on Codes.
 *
 * <p>The resources are read once, on first use, into immutable sorted arrays; lookups of known codes
 * allocate nothing and are safe from any thread.
 */
final class Grib2Tables {
    /** Units of a parameter or level type no table defines. */
    static final String UNKNOWN_UNITS = "unknown";

    /** MRMS products use the local discipline 209, whatever the centre of the file says. */
    private static final int MRMS_DISCIPLINE = 209;

    private Grib2Tables() {}

    /**
     * What a field measures (code table 4.2): the WMO table when discipline, category and number are
     * all below 192, else (or when the WMO table lacks the code) the local table of the centre, the
     * subcentre's own table first (NCEP HPC 7/5 before NCEP 7, NDFD 8/0 and 8/65535, Canada 54, MRMS
     * 161); discipline 209 falls back to the MRMS table for any centre. Codes no table knows give
     * {@code var<d>_<c>_<n>}, e.g. {@code ("var0_13_192", "discipline 0 category 13 parameter 192",
     * "unknown")} where wgrib2 prints {@code var discipline=0 center=34 local_table=1 parmcat=13
     * parm=192}; WMO codes GDAL names without an abbreviation get the same short name with their
     * real name and units.
     */
    static Parameter parameter(int discipline, int category, int number, int center, int subcenter) {
        if (isOctet(discipline) && isOctet(category) && isOctet(number)) {
            Loaded tables = Loaded.TABLES;
            Parameter found = null;
            if (discipline < 192 && category < 192 && number < 192) {
                found = tables.parameter(Loaded.WMO, discipline, category, number);
            }
            if (found == null) {
                found = tables.localParameter(discipline, category, number, center, subcenter);
            }
            if (found == null && discipline == MRMS_DISCIPLINE) {
                found = tables.parameter(tables.mrms, discipline, category, number);
            }
            if (found != null) {
                return found;
            }
        }
        return new Parameter(
                variableName(discipline, category, number),
                "discipline " + discipline + " category " + category + " parameter " + number,
                UNKNOWN_UNITS);
    }

    /** Whether {@link #parameter} found the parameter in a table. */
    static boolean isKnown(Parameter parameter) {
        return !UNKNOWN_UNITS.equals(parameter.units());
    }

    /**
     * Fixed surface type (code table 4.5, with the NCEP local codes 200-254 GDAL carries), e.g. 100
     * {@code ISBL} Pa. Codes the table does not define give {@code LVL<code>} with units {@code
     * unknown}; 255 is {@code MISSING}.
     */
    static LevelType levelType(int code) {
        return isOctet(code)
                ? Loaded.TABLES.levels[code]
                : new LevelType("LVL" + code, "level type " + code, UNKNOWN_UNITS);
    }

    /** Originating centre (common code table C-11), e.g. 7 {@code US-NCEP}, 98 {@code ECMWF}. */
    static String center(int code) {
        String name = Loaded.TABLES.name(Loaded.CENTER, code, code);
        return name != null ? name : "centre " + code;
    }

    /** Originating subcentre (common code table C-12) of a centre, e.g. 7/5 HPC. */
    static String subcenter(int center, int code) {
        String name = Loaded.TABLES.name(Loaded.SUBCENTER, center, code);
        return name != null ? name : "subcentre " + code;
    }

    /**
     * Generating process of a centre (octet 14 of templates 4.0 and others); GDAL only has NCEP's
     * (ON388 table A), e.g. 7/96 Global Forecast System Model.
     */
    static String generatingProcess(int center, int code) {
        String name = Loaded.TABLES.name(Loaded.PROCESS, center, code);
        return name != null ? name : "process " + code;
    }

    /** Grid definition template (code table 3.1). */
    static String gridTemplateName(int template) {
        return switch (template) {
            case 0 -> "regular lat/lon";
            case 1 -> "rotated lat/lon";
            case 2 -> "stretched lat/lon";
            case 3 -> "stretched and rotated lat/lon";
            case 4 -> "variable resolution lat/lon";
            case 5 -> "variable resolution rotated lat/lon";
            case 10 -> "Mercator";
            case 12 -> "transverse Mercator";
            case 13 -> "Mercator with modelling subdomains";
            case 20 -> "polar stereographic";
            case 23 -> "polar stereographic with modelling subdomains";
            case 30 -> "Lambert conformal";
            case 31 -> "Albers equal area";
            case 33 -> "Lambert conformal with modelling subdomains";
            case 40 -> "Gaussian";
            case 41 -> "rotated Gaussian";
            case 42 -> "stretched Gaussian";
            case 43 -> "stretched and rotated Gaussian";
            case 50 -> "spherical harmonic coefficients";
            case 51 -> "rotated spherical harmonic coefficients";
            case 52 -> "stretched spherical harmonic coefficients";
            case 53 -> "stretched and rotated spherical harmonic coefficients";
            case 61 -> "spectral Mercator with modelling subdomains";
            case 62 -> "spectral polar stereographic with modelling subdomains";
            case 63 -> "spectral Lambert conformal with modelling subdomains";
            case 90 -> "space view";
            case 100 -> "triangular grid based on an icosahedron";
            case 101 -> "general unstructured grid";
            case 110 -> "equatorial azimuthal equidistant";
            case 120 -> "azimuth-range";
            case 130 -> "irregular lat/lon";
            case 140 -> "Lambert azimuthal equal area";
            case 1000 -> "cross-section";
            case 1100 -> "Hovmöller diagram";
            case 1200 -> "time section";
            // NCEP local templates (NCEP GRIB2 documentation, table 3.1)
            case 32768 -> "NCEP rotated lat/lon (Arakawa staggered E-grid)";
            case 32769 -> "NCEP rotated lat/lon (Arakawa non-E staggered)";
            default -> twoOctetCode(template, 32768);
        };
    }

    /** Product definition template (code table 4.0). */
    static String productTemplateName(int template) {
        return switch (template) {
            case 0 -> "analysis or forecast at a point in time";
            case 1 -> "individual ensemble forecast at a point in time";
            case 2 -> "derived forecast from all ensemble members at a point in time";
            case 3 -> "derived forecast from a cluster of ensemble members over a rectangular area at a point in time";
            case 4 -> "derived forecast from a cluster of ensemble members over a circular area at a point in time";
            case 5 -> "probability forecast at a point in time";
            case 6 -> "percentile forecast at a point in time";
            case 7 -> "analysis or forecast error at a point in time";
            case 8 -> "statistically processed values over a time interval";
            case 9 -> "probability forecast over a time interval";
            case 10 -> "percentile forecast over a time interval";
            case 11 -> "individual ensemble forecast over a time interval";
            case 12 -> "derived forecast from all ensemble members over a time interval";
            case 13 ->
                "derived forecast from a cluster of ensemble members over a rectangular area over a time interval";
            case 14 -> "derived forecast from a cluster of ensemble members over a circular area over a time interval";
            case 15 -> "statistically processed values over a spatial area at a point in time";
            case 20 -> "radar product";
            case 30 -> "satellite product (deprecated)";
            case 31 -> "satellite product";
            case 32 -> "simulated satellite data at a point in time";
            case 33 -> "individual ensemble forecast of simulated satellite data at a point in time";
            case 34 -> "individual ensemble forecast of simulated satellite data over a time interval";
            case 35 -> "satellite product with or without quality values";
            case 40 -> "atmospheric chemical constituents at a point in time";
            case 41 -> "individual ensemble forecast of atmospheric chemical constituents at a point in time";
            case 42 -> "statistically processed atmospheric chemical constituents over a time interval";
            case 43 -> "individual ensemble forecast of atmospheric chemical constituents over a time interval";
            case 44 -> "aerosol at a point in time";
            case 45 -> "individual ensemble forecast of aerosol at a point in time";
            case 46 -> "statistically processed aerosol over a time interval";
            case 47 -> "individual ensemble forecast of aerosol over a time interval";
            case 48 -> "optical properties of aerosol at a point in time";
            case 49 -> "individual ensemble forecast of optical properties of aerosol at a point in time";
            case 51 -> "categorical forecast at a point in time";
            case 53 -> "partitioned parameters at a point in time";
            case 54 -> "individual ensemble forecast of partitioned parameters at a point in time";
            case 55 -> "spatio-temporal changing tiles at a point in time";
            case 56 -> "individual ensemble forecast of spatio-temporal changing tiles at a point in time (deprecated)";
            case 57 -> "atmospheric chemical constituents based on a distribution function at a point in time";
            case 58 ->
                "individual ensemble forecast of atmospheric chemical constituents based on a distribution function at a point in time";
            case 59 -> "individual ensemble forecast of spatio-temporal changing tiles at a point in time";
            case 60 -> "individual ensemble reforecast at a point in time";
            case 61 -> "individual ensemble reforecast over a time interval";
            case 62 -> "statistically processed spatio-temporal changing tiles over a time interval";
            case 63 -> "individual ensemble forecast of spatio-temporal changing tiles over a time interval";
            case 67 ->
                "statistically processed atmospheric chemical constituents based on a distribution function over a time interval";
            case 68 ->
                "individual ensemble forecast of atmospheric chemical constituents based on a distribution function over a time interval";
            case 70 -> "post-processing analysis or forecast at a point in time";
            case 71 -> "post-processing individual ensemble forecast at a point in time";
            case 72 -> "post-processing statistically processed values over a time interval";
            case 73 -> "post-processing individual ensemble forecast over a time interval";
            case 76 -> "atmospheric chemical constituents with source or sink at a point in time";
            case 77 ->
                "individual ensemble forecast of atmospheric chemical constituents with source or sink at a point in time";
            case 78 ->
                "statistically processed atmospheric chemical constituents with source or sink over a time interval";
            case 79 ->
                "individual ensemble forecast of atmospheric chemical constituents with source or sink over a time interval";
            case 80 -> "optical properties of aerosol with source or sink at a point in time";
            case 81 ->
                "individual ensemble forecast of optical properties of aerosol with source or sink at a point in time";
            case 82 -> "statistically processed aerosol with source or sink over a time interval";
            // 4.83 and 4.84 have the same title in the WMO table
            case 83, 84 -> "individual ensemble forecast of aerosol with source or sink over a time interval";
            case 85 -> "individual ensemble forecast of aerosol over a time interval";
            case 86 -> "quantile forecast at a point in time";
            case 87 -> "quantile forecast over a time interval";
            case 88 -> "analysis or forecast at a specified local time";
            case 89 -> "post-processed quantile forecast at a point in time";
            case 90 -> "post-processed quantile forecast over a time interval";
            case 91 -> "categorical forecast over a time interval";
            case 92 -> "individual ensemble forecast at a specified local time";
            case 93 -> "post-processing analysis or forecast at a specified local time";
            case 94 -> "post-processing individual ensemble forecast at a specified local time";
            case 95 -> "statistically processed values at a specified local time";
            case 96 -> "statistically processed individual ensemble forecast at a specified local time";
            case 97 -> "statistically processed post-processing analysis or forecast at a specified local time";
            case 98 -> "statistically processed post-processing individual ensemble forecast at a specified local time";
            case 99 -> "wave 2D spectra with explicit frequencies and directions at a point in time";
            case 100 ->
                "individual ensemble forecast of wave 2D spectra with explicit frequencies and directions at a point in time";
            case 101 -> "wave 2D spectra with frequencies and directions defined by formulae at a point in time";
            case 102 ->
                "individual ensemble forecast of wave 2D spectra with frequencies and directions defined by formulae at a point in time";
            case 103 -> "waves selected by period range at a point in time";
            case 104 -> "individual ensemble forecast of waves selected by period range at a point in time";
            case 105 -> "anomalies relative to a reference period over a time interval";
            case 106 ->
                "anomalies of an individual ensemble forecast relative to a reference period over a time interval";
            case 107 ->
                "anomalies of derived forecasts from all ensemble members relative to a reference period over a time interval";
            case 108 -> "generic optical products at a point in time";
            case 109 -> "individual ensemble forecast of generic optical products at a point in time";
            case 110 -> "statistically processed generic optical products over a time interval";
            case 111 -> "individual ensemble forecast of generic optical products over a time interval";
            case 112 -> "anomalies as probability forecasts relative to a reference period over a time interval";
            case 113 -> "generalised tiles at a point in time";
            case 114 -> "statistically processed values on generalised tiles over a time interval";
            case 115 -> "individual ensemble forecast on generalised tiles at a point in time";
            case 116 -> "individual ensemble forecast on generalised tiles over a time interval";
            case 117 -> "individual large ensemble forecast at a point in time";
            case 118 -> "individual large ensemble forecast over a time interval";
            case 119 -> "probability forecast from large ensembles at a point in time";
            case 120 -> "probability forecast from large ensembles over a time interval";
            case 121 -> "probability forecast from large ensembles with focal statistics at a point in time";
            case 122 -> "probability forecast from large ensembles with focal statistics over a time interval";
            case 123 ->
                "probability forecast from large ensembles with focal statistics relative to a reference period over a time interval";
            case 254 -> "CCITT IA5 character string";
            case 1000 -> "cross-section at a point in time";
            case 1001 -> "cross-section statistically processed over a time range";
            case 1002 -> "cross-section statistically processed over latitude or longitude";
            case 1100 -> "Hovmöller-type grid without statistical processing";
            case 1101 -> "Hovmöller-type grid with statistical processing";
            default -> twoOctetCode(template, 32768);
        };
    }

    /** Data representation template (code table 5.0), e.g. 5.3 complex packing with spatial differencing. */
    static String dataRepresentationName(int template) {
        return switch (template) {
            case 0 -> "simple packing";
            case 1 -> "matrix values, simple packing";
            case 2 -> "complex packing";
            case 3 -> "complex packing with spatial differencing";
            case 4 -> "IEEE floating point";
            case 40 -> "JPEG 2000";
            case 41 -> "PNG";
            case 42 -> "CCSDS lossless compression";
            case 50 -> "spectral data, simple packing";
            case 51 -> "spherical harmonics, complex packing";
            case 53 -> "spectral data for limited area models, complex packing";
            case 61 -> "simple packing with logarithm pre-processing";
            case 200 -> "run length packing with level values";
            // NCEP's numbers for JPEG 2000 and PNG before WMO assigned 40 and 41
            case 40000 -> "JPEG 2000 (NCEP local 40000)";
            case 40010 -> "PNG (NCEP local 40010)";
            default -> twoOctetCode(template, 49152);
        };
    }

    /** Type of statistical processing (code table 4.10). */
    static String statisticalProcess(int code) {
        return switch (code) {
            case 0 -> "average";
            case 1 -> "accumulation";
            case 2 -> "maximum";
            case 3 -> "minimum";
            case 4 -> "difference (end minus start)";
            case 5 -> "root mean square";
            case 6 -> "standard deviation";
            case 7 -> "covariance (temporal variance)";
            case 8 -> "difference (start minus end)";
            case 9 -> "ratio";
            case 10 -> "standardized anomaly";
            case 11 -> "summation";
            case 12 -> "return period";
            case 100 -> "severity";
            case 101 -> "mode";
            case 102 -> "index processing";
            default -> octetCode(code);
        };
    }

    /** Indicator of unit of time range (code table 4.4), e.g. 1 {@code hour}, 11 {@code 6 hours}. */
    static String timeUnit(int code) {
        return switch (code) {
            case 0 -> "minute";
            case 1 -> "hour";
            case 2 -> "day";
            case 3 -> "month";
            case 4 -> "year";
            case 5 -> "decade";
            case 6 -> "normal (30 years)";
            case 7 -> "century";
            case 10 -> "3 hours";
            case 11 -> "6 hours";
            case 12 -> "12 hours";
            case 13 -> "second";
            default -> octetCode(code);
        };
    }

    /**
     * {@code instant} plus {@code amount} units of code table 4.4. Months, years, decades, normals
     * and centuries are calendar units of the UTC calendar (2024-01-31 plus one month is 2024-02-29);
     * the others are fixed lengths.
     *
     * @throws IllegalArgumentException for reserved, local or missing units
     * @throws java.time.DateTimeException if the result is out of range
     */
    static Instant plusTimeUnits(Instant instant, long amount, int unit) {
        return switch (unit) {
            case 0 -> instant.plus(amount, ChronoUnit.MINUTES);
            case 1 -> instant.plus(amount, ChronoUnit.HOURS);
            case 2 -> instant.plus(amount, ChronoUnit.DAYS);
            case 3 -> instant.atOffset(ZoneOffset.UTC).plusMonths(amount).toInstant();
            case 4 -> instant.atOffset(ZoneOffset.UTC).plusYears(amount).toInstant();
            case 5 ->
                instant.atOffset(ZoneOffset.UTC)
                        .plusYears(Math.multiplyExact(amount, 10))
                        .toInstant();
            case 6 ->
                instant.atOffset(ZoneOffset.UTC)
                        .plusYears(Math.multiplyExact(amount, 30))
                        .toInstant();
            case 7 ->
                instant.atOffset(ZoneOffset.UTC)
                        .plusYears(Math.multiplyExact(amount, 100))
                        .toInstant();
            case 10 -> instant.plus(Math.multiplyExact(amount, 3), ChronoUnit.HOURS);
            case 11 -> instant.plus(Math.multiplyExact(amount, 6), ChronoUnit.HOURS);
            case 12 -> instant.plus(Math.multiplyExact(amount, 12), ChronoUnit.HOURS);
            case 13 -> instant.plus(amount, ChronoUnit.SECONDS);
            default ->
                throw new IllegalArgumentException("time unit " + unit + " of code table 4.4 is " + octetCode(unit));
        };
    }

    /** Type of ensemble forecast (code table 4.6). */
    static String ensembleType(int code) {
        return switch (code) {
            case 0 -> "unperturbed high-resolution control forecast";
            case 1 -> "unperturbed low-resolution control forecast";
            case 2 -> "negatively perturbed forecast";
            case 3 -> "positively perturbed forecast";
            case 4 -> "multi-model forecast";
            default -> octetCode(code);
        };
    }

    /** Derived forecast (code table 4.7). */
    static String derivedForecast(int code) {
        return switch (code) {
            case 0 -> "unweighted mean of all members";
            case 1 -> "weighted mean of all members";
            case 2 -> "standard deviation with respect to cluster mean";
            case 3 -> "standard deviation with respect to cluster mean, normalized";
            case 4 -> "spread of all members";
            case 5 -> "large anomaly index of all members";
            case 6 -> "unweighted mean of the cluster members";
            case 7 -> "interquartile range";
            case 8 -> "minimum of all members";
            case 9 -> "maximum of all members";
            case 10 -> "variance of all members";
            default -> octetCode(code);
        };
    }

    /** Probability type (code table 4.9): which event the probability is of. */
    static String probabilityType(int code) {
        return switch (code) {
            case 0 -> "below lower limit";
            case 1 -> "above upper limit";
            case 2 -> "between lower and upper limits";
            case 3 -> "above lower limit";
            case 4 -> "below upper limit";
            case 5 -> "equal to lower limit";
            case 6 -> "above normal category";
            case 7 -> "near normal category";
            case 8 -> "below normal category";
            case 9 -> "based on counts of categorical boolean";
            default -> octetCode(code);
        };
    }

    private static boolean isOctet(int code) {
        return code >= 0 && code <= 255;
    }

    private static String variableName(int discipline, int category, int number) {
        return "var" + discipline + "_" + category + "_" + number;
    }

    /** Unnamed code of a one-octet table: 192-254 local use, 255 missing. */
    private static String octetCode(int code) {
        return code == 255 ? "missing" : code >= 192 && code < 255 ? "reserved for local use" : "reserved";
    }

    /** Unnamed code of a two-octet table: from {@code localFrom} to 65534 local use, 65535 missing. */
    private static String twoOctetCode(int code, int localFrom) {
        return code == 65535 ? "missing" : code >= localFrom && code < 65535 ? "reserved for local use" : "reserved";
    }

    /** The tables of the resources, read when first needed (class initialisation is thread-safe). */
    private static final class Loaded {
        static final int WMO = 0;
        static final int CENTER = 0;
        static final int SUBCENTER = 1;
        static final int PROCESS = 2;
        static final Loaded TABLES = new Loaded();

        /** Table names, {@code wmo} first, then the local tables in the order of the resource. */
        private final List<String> tableNames = new ArrayList<>(List.of("wmo"));

        private final Codes<Parameter> parameters;
        /** Rows of the local table index: centre, subcentre (-1 for any), table. */
        private final int[][] localIndex;

        final int mrms;
        final LevelType[] levels = new LevelType[256];
        private final Codes<String> names;

        private Loaded() {
            Map<Long, Parameter> params = new TreeMap<>();
            for (String[] row : read("parameters.tsv", 7)) {
                int table = table(row[0]);
                int d = Integer.parseInt(row[1]);
                int c = Integer.parseInt(row[2]);
                int n = Integer.parseInt(row[3]);
                String shortName = row[4].isEmpty() ? variableName(d, c, n) : row[4];
                params.putIfAbsent(key(table, d, c, n), new Parameter(shortName, row[5], row[6]));
            }
            parameters = new Codes<>(params, Parameter[]::new);

            List<String[]> index = read("local-tables.tsv", 3);
            localIndex = new int[index.size()][];
            for (int i = 0; i < localIndex.length; i++) {
                String[] row = index.get(i);
                int subcenter = row[1].isEmpty() ? -1 : Integer.parseInt(row[1]);
                localIndex[i] = new int[] {Integer.parseInt(row[0]), subcenter, table(row[2])};
            }
            mrms = table("MRMS");

            for (String[] row : read("levels.tsv", 4)) {
                int code = Integer.parseInt(row[0]);
                String shortName = row[1].isEmpty() ? "LVL" + code : row[1];
                levels[code] = new LevelType(shortName, row[2], row[3]);
            }
            for (int code = 0; code < levels.length; code++) {
                if (levels[code] == null) {
                    String description = (code >= 192 ? "local level type " : "level type ") + code;
                    levels[code] = new LevelType("LVL" + code, description, UNKNOWN_UNITS);
                }
            }

            Map<Long, String> entries = new TreeMap<>();
            for (String[] row : read("centers.tsv", 4)) {
                int kind = switch (row[0]) {
                    case "center" -> CENTER;
                    case "subcenter" -> SUBCENTER;
                    case "process" -> PROCESS;
                    default -> throw new IllegalStateException("centers.tsv: unknown kind " + row[0]);
                };
                entries.putIfAbsent(key(kind, 0, Integer.parseInt(row[1]), Integer.parseInt(row[2])), row[3]);
            }
            names = new Codes<>(entries, String[]::new);
        }

        Parameter parameter(int table, int discipline, int category, int number) {
            return parameters.get(key(table, discipline, category, number));
        }

        /** A centre, subcentre or generating process name; null when unknown. */
        String name(int kind, int center, int code) {
            boolean valid = center >= 0 && center <= 0xFFFF && code >= 0 && code <= 0xFFFF;
            return valid ? names.get(key(kind, 0, center, code)) : null;
        }

        /** The subcentre's own local table first, then the centre's. */
        Parameter localParameter(int discipline, int category, int number, int center, int subcenter) {
            Parameter found;
            for (int[] row : localIndex) {
                if (row[0] == center && row[1] == subcenter) {
                    found = parameter(row[2], discipline, category, number);
                    if (found != null) {
                        return found;
                    }
                }
            }
            for (int[] row : localIndex) {
                if (row[0] == center && row[1] == -1) {
                    found = parameter(row[2], discipline, category, number);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        /** Index of a table by name; a new name gets the next index. */
        private int table(String name) {
            int index = tableNames.indexOf(name);
            if (index < 0) {
                tableNames.add(name);
                index = tableNames.size() - 1;
            }
            return index;
        }

        /** Four codes in one key: a table or kind, then three codes of at most 16 bits. */
        static long key(int table, int a, int b, int c) {
            return ((long) table << 48) | ((long) a << 32) | ((long) b << 16) | c;
        }

        private static List<String[]> read(String resource, int columns) {
            List<String[]> rows = new ArrayList<>();
            try (InputStream in = Grib2Tables.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource + " beside " + Grib2Tables.class);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] row = line.split("\t", -1);
                    if (row.length != columns) {
                        throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
                    }
                    rows.add(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            return rows;
        }
    }

    /** An immutable map from long keys to values, by binary search: lookups allocate nothing. */
    private static final class Codes<V> {
        private final long[] keys;
        private final V[] values;

        Codes(Map<Long, V> sorted, IntFunction<V[]> array) {
            keys = sorted.keySet().stream().mapToLong(Long::longValue).toArray();
            values = sorted.values().toArray(array.apply(0));
        }

        V get(long key) {
            int i = Arrays.binarySearch(keys, key);
            return i >= 0 ? values[i] : null;
        }
    }
}
