package org.gsweather.geoserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.gsweather.FieldFiles;
import org.gsweather.field.FieldFile;
import org.gsweather.grid.Grid;
import org.gsweather.grid.Projection;
import org.gsweather.grid.RegularGrid;
import org.gsweather.store.NativeGeometry;
import org.gsweather.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GeoTools, given the native CRS we declare, puts every grid point where the core (checked against PROJ
 * and ecCodes) puts it: GeoServer's own reprojection of our coverages is then right. Grid points are
 * taken to the declared coordinates by the core (GOES grids are declared in another sweep geometry).
 */
class NativeCrsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2", // Lambert 1SP on a sphere
                "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2", // Lambert, AWIPS 211
                "grib2/pygrib/safrica.grib2", // polar stereographic
                "grib2/pygrib/dspr.temp.bin", // Mercator
                "grib2/grib-rs/20260219T00Z_MSC_HRDPS_CAPE_Sfc_RLatLon0.0225_PT000H.grib2", // rotated pole
                "netcdf/goes/OR_ABI-L1b-RadM1-M6C13_G17_s20193351027275_e20193351027344_c20193351027405.nc", // GOES
                "netcdf/cf/test_lcc.nc", // CF Lambert
                "netcdf/cf/toa_brightness_temperature.nc" // CF polar stereographic
            })
    void geoToolsPlacesGridPointsWhereTheCoreDoes(String file) throws Exception {
        Path path = TestData.file(file);
        try (FieldFile f = FieldFiles.open(path)) {
            Grid grid = f.fields().get(0).grid();
            RegularGrid r = (RegularGrid) grid;
            Projection declared = NativeGeometry.of(grid).crs().projection();
            CoordinateReferenceSystem crs = NativeCrs.of(declared);
            MathTransform toLonLat = CRS.findMathTransform(crs, DefaultGeographicCRS.WGS84, true);
            double[] ours = new double[2];
            double[] theirs = new double[2];
            double[] xy = new double[2];
            int checked = 0;
            for (int j = 0; j < r.ny(); j += Math.max(1, r.ny() / 7)) {
                for (int i = 0; i < r.nx(); i += Math.max(1, r.nx() / 7)) {
                    grid.lonLat(i, j, ours);
                    if (Double.isNaN(ours[0])) {
                        continue; // off a geostationary disk
                    }
                    declared.forward(ours[0], ours[1], xy);
                    toLonLat.transform(xy, 0, theirs, 0, 1);
                    assertThat(Math.IEEEremainder(theirs[0] - ours[0], 360))
                            .as("lon of %d,%d", i, j)
                            .isCloseTo(0, within(1e-6));
                    assertThat(theirs[1]).as("lat of %d,%d", i, j).isCloseTo(ours[1], within(1e-6));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(20);
        } catch (IOException e) {
            throw e;
        }
    }
}
