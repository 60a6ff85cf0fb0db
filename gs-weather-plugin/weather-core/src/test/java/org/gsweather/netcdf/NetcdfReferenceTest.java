package org.gsweather.netcdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gsweather.testing.TestData;
import org.gsweather.testing.ValueComparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value of real NetCDF-3 and NetCDF-4 files against netCDF4-python (netCDF-C underneath):
 * unpacking, fill and missing values, valid ranges, unsigned types, chunks, records.
 */
class NetcdfReferenceTest {
    static final String RADC =
            "netcdf/goes/OR_ABI-L1b-RadC-M6C04_G17_s20193002001196_e20193002003569_c20193002004076.nc";
    static final String RADM =
            "netcdf/goes/OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc";
    static final String FDCC = "netcdf/goes/OR_ABI-L2-FDCC-M6_G17_s20193002001196_e20193002003569_c20193002004132.nc";

    static Stream<Arguments> slices() {
        return Stream.of(
                // file, variable, index, tolerance (a thousandth of the packing step: only the exact code matches)
                Arguments.of("netcdf/cf/air.nc", "air", Map.of("time", 0), 1e-5),
                Arguments.of("netcdf/cf/air.nc", "air", Map.of("time", 123), 1e-5),
                Arguments.of("netcdf/cf/air-64bit-offset.nc", "air", Map.of("time", 77), 1e-5),
                Arguments.of("netcdf/cf/uwnd_mean.nc", "uwnd", Map.of("time", 11), 0.0),
                Arguments.of("netcdf/cf/vwnd_mean.nc", "vwnd", Map.of("time", 5), 0.0),
                Arguments.of("netcdf/cf/test_lcc.nc", "tas", Map.of("time", 3), 0.0),
                Arguments.of("netcdf/cf/toa_brightness_temperature.nc", "data", Map.of(), 0.0),
                Arguments.of(RADC, "Rad", Map.of(), 7e-5),
                Arguments.of(RADC, "DQF", Map.of(), 0.0),
                Arguments.of(RADM, "Rad", Map.of(), 5e-5),
                Arguments.of(RADM, "DQF", Map.of(), 0.0),
                Arguments.of(FDCC, "Area", Map.of(), 0.07),
                Arguments.of(FDCC, "Temp", Map.of(), 6e-5),
                Arguments.of(FDCC, "Mask", Map.of(), 0.0),
                Arguments.of(FDCC, "Power", Map.of(), 0.0),
                Arguments.of(FDCC, "DQF", Map.of(), 0.0));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("slices")
    void fieldValuesMatchNetcdf4Python(String file, String variable, Map<String, Integer> index, double tolerance)
            throws Exception {
        Path path = TestData.file(file);
        float[] expected = NetcdfOracle.values(path, variable, index);
        try (NetcdfFile nc = NetcdfFile.open(path)) {
            NetcdfField field = nc.field(variable, index);
            float[] actual = field.read();
            ValueComparison.assertSameValues(
                    file + " " + variable + " " + index, expected, actual, tolerance, List.of());
            assertThat(actual).hasSize(field.grid().size());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("slices")
    void rawStoredOrderSliceMatchesNetcdf4Python(
            String file, String variable, Map<String, Integer> index, double tolerance) throws Exception {
        Path path = TestData.file(file);
        float[] expected = NetcdfOracle.values(path, variable, index);
        try (NetcdfFile nc = NetcdfFile.open(path)) {
            NetcdfFile.Slice slice = nc.read(variable, index);
            ValueComparison.assertSameValues(file + " " + variable, expected, slice.values(), tolerance, List.of());
        }
    }
}
