package org.gsweather.netcdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gsweather.testing.OracleScript;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;

/**
 * netCDF4-python (Debian python3-netcdf4, on the netCDF-C library) as a test oracle: the physical
 * values of a slice, through {@code oracles/netcdf4_slice.py}, cached in {@code target/oracle/}.
 */
final class NetcdfOracle {
    private static final String PYTHON = "/usr/bin/python3";

    private NetcdfOracle() {}

    static void require() {
        assumeTrue(
                Files.isExecutable(Path.of(PYTHON))
                        && Tools.run(List.of(PYTHON, "-c", "import netCDF4, numpy; print('ok')"))
                                .contains("ok"),
                "python3-netcdf4 is not installed (bin/test installs it with apt); skipping the netCDF-C comparison");
    }

    /** Values of {@code variable} with the dimensions of {@code index} fixed, in stored order, NaN where missing. */
    static synchronized float[] values(Path file, String variable, Map<String, Integer> index) {
        require();
        StringBuilder key =
                new StringBuilder(file.getFileName().toString()).append('.').append(variable);
        index.forEach((d, i) -> key.append('.').append(d).append(i));
        Path out = TestData.cacheDir().resolve("oracle").resolve(key.toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            if (!Files.exists(out)) {
                Files.createDirectories(out.getParent());
                List<String> args = new ArrayList<>(List.of(file.toString(), variable, out + ".part"));
                index.forEach((d, i) -> args.add(d + "=" + i));
                OracleScript.run("netcdf4_slice.py", args);
                Files.move(out.resolveSibling(out.getFileName() + ".part"), out, StandardCopyOption.REPLACE_EXISTING);
            }
            return TestData.readFloats(out, ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
