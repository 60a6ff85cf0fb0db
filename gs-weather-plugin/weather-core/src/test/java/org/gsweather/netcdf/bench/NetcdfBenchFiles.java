package org.gsweather.netcdf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;

/**
 * The benchmark files the test data lack (a 1 km GOES CONUS band, a 1-degree CF file of 100 steps), made
 * once into {@code target/testdata-cache/bench} by {@code bench/make_netcdf_bench_files.py} from the real
 * 2 km CONUS file.
 */
final class NetcdfBenchFiles {
    static final String GOES_CONUS_2KM =
            "netcdf/goes/OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc";

    private NetcdfBenchFiles() {}

    /** A test-data file (as {@code netcdf/...}) or a generated one (as {@code bench:NAME}). */
    static synchronized Path file(String name) throws IOException {
        if (!name.startsWith("bench:")) {
            return TestData.file(name);
        }
        Path dir = TestData.cacheDir().resolve("bench");
        Path file = dir.resolve(name.substring("bench:".length()));
        if (!Files.exists(file)) {
            Path script = Files.createTempFile("make_netcdf_bench_files", ".py");
            try (InputStream in = NetcdfBenchFiles.class.getResourceAsStream("/bench/make_netcdf_bench_files.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Tools.run(List.of(
                    "/usr/bin/python3",
                    script.toString(),
                    TestData.file(GOES_CONUS_2KM).toString(),
                    dir.toString()));
            Files.deleteIfExists(script);
        }
        return file;
    }
}
