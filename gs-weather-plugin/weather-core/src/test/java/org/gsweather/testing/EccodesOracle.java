package org.gsweather.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ecCodes as a test oracle: decodes every field of a GRIB2 file with Debian's python3-eccodes (script
 * {@code oracles/eccodes_fields.py}) into {@code target/oracle/}, once per file and build.
 */
public final class EccodesOracle {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT_VERSION = OracleScript.version("eccodes_fields.py");

    private final Path dir;
    private final List<Map<String, String>> fields;

    private EccodesOracle(Path dir, List<Map<String, String>> fields) {
        this.dir = dir;
        this.fields = fields;
    }

    /** Skips the calling test unless python3-eccodes is installed. */
    public static void require() {
        assumeTrue(
                Files.isExecutable(Path.of(PYTHON))
                        && Tools.run(List.of(PYTHON, "-c", "import eccodes, numpy; print('ok')"))
                                .contains("ok"),
                "python3-eccodes is not installed (bin/test installs it with apt); skipping the ecCodes comparison");
    }

    /** The decoded fields of {@code grib}, with latitudes/longitudes of every point when {@code latLon}. */
    public static EccodesOracle of(Path grib, boolean latLon) {
        return of(grib, latLon ? 1 : 0);
    }

    /**
     * The decoded fields of {@code grib}, with latitudes/longitudes of every {@code every}-th point in
     * file order ({@code every} 0: none).
     */
    public static synchronized EccodesOracle of(Path grib, int every) {
        require();
        boolean latLon = every > 0;
        // The script's hash is part of the key, so that a changed oracle never reads a stale cache.
        String key = grib.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                + (latLon ? ".ll" + every : "") + "." + SCRIPT_VERSION;
        Path dir = TestData.cacheDir().resolve("oracle").resolve(key);
        Path index = dir.resolve("fields.tsv");
        try {
            if (!Files.exists(index)) {
                List<String> args = new ArrayList<>(List.of(grib.toString(), dir.toString()));
                if (latLon) {
                    args.addAll(List.of("--latlon", "--every", Integer.toString(every)));
                }
                OracleScript.run("eccodes_fields.py", args);
            }
            List<String> lines = Files.readAllLines(index);
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> fields = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t", -1);
                Map<String, String> row = new HashMap<>();
                for (int k = 0; k < header.length && k < cols.length; k++) {
                    row.put(header[k], cols[k]);
                }
                fields.add(row);
            }
            return new EccodesOracle(dir, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return fields.size();
    }

    /** ecCodes key of field {@code n} (from 1), e.g. {@code shortName}, {@code validityDate}. */
    public String key(int n, String key) {
        return fields.get(n - 1).get(key);
    }

    /** Why ecCodes could not decode field {@code n}, or an empty string. */
    public String error(int n) {
        return key(n, "error");
    }

    /** Values of field {@code n} in file order, NaN where missing. */
    public float[] values(int n) {
        return TestData.readFloats(dir.resolve(n + ".f32"), ByteOrder.LITTLE_ENDIAN);
    }

    /** Latitude/longitude pairs of field {@code n} in file order. */
    public double[] latLon(int n) {
        try {
            byte[] bytes = Files.readAllBytes(dir.resolve(n + ".ll"));
            double[] v = new double[bytes.length / 8];
            ByteBuffer.wrap(bytes)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asDoubleBuffer()
                    .get(v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
