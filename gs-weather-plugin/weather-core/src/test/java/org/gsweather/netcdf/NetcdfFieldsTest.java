package org.gsweather.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gsweather.FieldFiles;
import org.gsweather.field.FieldFile;
import org.gsweather.field.FieldInfo;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.grid.GaussianGrid;
import org.gsweather.grid.Geographic;
import org.gsweather.grid.Geostationary;
import org.gsweather.grid.LambertConformal;
import org.gsweather.grid.PolarStereographic;
import org.gsweather.grid.RegularGrid;
import org.gsweather.grid.RotatedPole;
import org.gsweather.testing.TestData;
import org.gsweather.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the CF conventions of real files become fields: slicing, times, levels, grids, wind pairs. */
class NetcdfFieldsTest {

    @Test
    void fieldFilesOpensNetcdf3AndNetcdf4ByMagicNumber() throws Exception {
        for (String f : List.of("netcdf/cf/air.nc", "netcdf/cf/air-64bit-offset.nc", "netcdf/cf/test_lcc.nc")) {
            try (FieldFile file = FieldFiles.open(TestData.file(f))) {
                assertThat(file).isInstanceOf(NetcdfFile.class);
            }
        }
    }

    @Test
    void eachTimeStepIsAFieldWithItsValidTime() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file("netcdf/cf/air.nc"))) {
            assertThat(nc.format()).isEqualTo("NetCDF-4");
            assertThat(nc.fields()).hasSize(124);
            FieldInfo last = nc.fields().get(123).info();
            assertThat(last.parameter().shortName()).isEqualTo("air");
            assertThat(last.parameter().name()).isEqualTo("4xDaily Air temperature at sigma level 995");
            assertThat(last.parameter().units()).isEqualTo("degK");
            assertThat(last.validTime()).isEqualTo("2014-10-31T18:00:00Z"); // ncdump -t
            assertThat(last.referenceTime()).isEqualTo(last.validTime());
            assertThat(nc.fields().get(123).index()).containsExactly(Map.entry("time", 123));
        }
    }

    @Test
    void netcdf3And4CopiesOfOneFileGiveTheSameFields() throws Exception {
        try (NetcdfFile a = NetcdfFile.open(TestData.file("netcdf/cf/air.nc"));
                NetcdfFile b = NetcdfFile.open(TestData.file("netcdf/cf/air-64bit-offset.nc"))) {
            assertThat(b.format()).isEqualTo("NetCDF-3 64-bit offset");
            assertThat(b.fields()).hasSize(a.fields().size());
            for (int k = 0; k < a.fields().size(); k += 40) {
                assertThat(b.fields().get(k).info()).isEqualTo(a.fields().get(k).info());
                assertThat(b.fields().get(k).read())
                        .containsExactly(a.fields().get(k).read());
            }
        }
    }

    @Test
    void latitudeLongitudeCoordinatesMakeARegularGridNorthToSouth() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file("netcdf/cf/air.nc"))) {
            assertThat(nc.fields().get(0).grid())
                    .isEqualTo(new RegularGrid(
                            new Geographic(org.gsweather.grid.Ellipsoid.WGS84), 21, 11, 250, 75, 2.5, -2.5));
        }
    }

    @Test
    void scalarPressureCoordinateIsTheLevelAndWindComponentsPair() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file("netcdf/cf/uwnd_mean.nc"))) {
            FieldInfo info = nc.fields().get(0).info();
            assertThat(info.level().type()).isEqualTo("ISBL");
            assertThat(info.level().value()).isEqualTo(20000.0);
            assertThat(info.level().label()).isEqualTo("200 hPa (Isobaric surface)");
            assertThat(nc.fields().get(0).grid().wrapsLongitude()).isTrue();
        }
    }

    @Test
    void lambertGridMappingWithFalseOriginAndMonthlyMeansOverTimeBounds() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file("netcdf/cf/test_lcc.nc"))) {
            assertThat(nc.format()).isEqualTo("NetCDF-3 classic");
            assertThat(nc.fields()).hasSize(12);
            RegularGrid g = (RegularGrid) nc.fields().get(0).grid();
            LambertConformal p = (LambertConformal) g.projection();
            assertThat(p.standardParallel1()).isEqualTo(49.0);
            assertThat(p.standardParallel2()).isEqualTo(46.0);
            assertThat(p.latitudeOfOrigin()).isEqualTo(47.5);
            assertThat(p.centralMeridian()).isCloseTo(13.33, within(1e-6));
            // x(0) = 223500 m with false easting 400000 m (ncdump)
            assertThat(g.x0()).isEqualTo(223500 - 400000.0);
            assertThat(g.dx()).isEqualTo(1000.0);
            FieldInfo feb = nc.fields().get(1).info();
            assertThat(feb.timeRange().process()).isEqualTo("average");
            assertThat(feb.timeRange().start()).isEqualTo("2010-02-01T12:00:00Z");
            assertThat(feb.validTime()).isEqualTo("2010-02-28T12:00:00Z");
        }
    }

    @Test
    void lambertGridPointsFallOnTheFilesOwnLatitudeLongitude() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file("netcdf/cf/test_lcc.nc"))) {
            RegularGrid g = (RegularGrid) nc.fields().get(0).grid();
            float[] lat = nc.read("lat", Map.of()).values();
            float[] lon = nc.read("lon", Map.of()).values();
            double[] ll = new double[2];
            double[] ij = new double[2];
            for (int k = 0; k < lat.length; k += 7) {
                g.lonLat(k % 60, k / 60, ll);
                // The file's lat/lon were computed with lon_0 = 13 deg 20' (13.3333), its attribute says 13.33f:
                // PROJ with the attribute is off by the same constant.
                assertThat(ll[0] - lon[k]).as("lon of point %d", k).isCloseTo(13.33f - 40.0 / 3, within(1e-5));
                assertThat(ll[1]).as("lat of point %d", k).isCloseTo(lat[k], within(1e-5));
                g.index(lon[k] + (13.33f - 40.0 / 3), lat[k], ij);
                assertThat(ij[0]).isCloseTo(k % 60, within(1e-3));
                assertThat(ij[1]).isCloseTo(k / 60, within(1e-3));
            }
        }
    }

    @Test
    void polarStereographicFromScaleFactorOne() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file("netcdf/cf/toa_brightness_temperature.nc"))) {
            RegularGrid g = (RegularGrid) nc.fields().get(0).grid();
            assertThat(g.projection())
                    .isEqualTo(new PolarStereographic(org.gsweather.grid.Ellipsoid.sphere(6378169), false, 90, -35));
            assertThat(nc.fields().get(0).info().validTime()).isEqualTo("2016-05-16T12:00:00Z");
        }
    }

    @Test
    void goesAbiIsAGeostationaryGridInMetresOfScanAngleTimesHeight() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file(NetcdfReferenceTest.RADC))) {
            assertThat(nc.fields()).extracting(NetcdfField::variable).containsExactly("Rad", "DQF");
            RegularGrid g = (RegularGrid) nc.fields().get(0).grid();
            assertThat(g.projection())
                    .isEqualTo(new Geostationary(
                            new org.gsweather.grid.Ellipsoid(6378137.0, 6356752.31414), 35786023.0, -137.0, true));
            double h = 35786023.0;
            // x = short * 5.6e-05f + -0.069972f, shorts 0..2499 (ncdump)
            assertThat(g.x0()).isCloseTo((double) -0.069972f * h, within(1e-6));
            assertThat(g.dx()).isCloseTo((double) 5.6e-05f * h, within(1e-6));
            assertThat(g.y0()).isCloseTo((double) 0.128212f * h, within(1e-6));
            assertThat(g.dy()).isCloseTo((double) -5.6e-05f * h, within(1e-6));
            assertThat(nc.fields().get(0).info().validTime()).isEqualTo("2019-10-27T20:02:38.321Z");
            assertThat(nc.warnings()).isEmpty();
            assertThat(nc.globalAttributes()).containsEntry("platform_ID", "G17");
        }
    }

    @Test
    void goesFireProductMaskIsAFieldThoughJhdfCannotReadItsAttributes() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file(NetcdfReferenceTest.FDCC))) {
            assertThat(nc.fields())
                    .extracting(NetcdfField::variable)
                    .containsExactly("Area", "Temp", "Mask", "Power", "DQF");
            assertThat(nc.warnings()).isEmpty();
            assertThat(nc.field("Mask", Map.of()).info().parameter().name())
                    .isEqualTo("ABI L2+ Fire - Hot Spot Characterization: Fire Mask");
        }
    }

    @Test
    void indexOfAVariableIsCheckedByDimensionName() throws Exception {
        try (NetcdfFile nc = NetcdfFile.open(TestData.file("netcdf/cf/air.nc"))) {
            assertThat(nc.field("air", Map.of("time", 5)).number()).isEqualTo(6);
            assertThatThrownBy(() -> nc.field("air", Map.of()))
                    .hasMessageContaining("needs an index for dimension time (length 124)");
            assertThatThrownBy(() -> nc.field("air", Map.of("level", 0)))
                    .hasMessageContaining("has no dimension level to index");
            assertThatThrownBy(() -> nc.read("air", Map.of("time", 124)))
                    .hasMessageContaining("index time=124 outside [0, 124)");
            assertThatThrownBy(() -> nc.read("rain", Map.of())).hasMessageContaining("no variable rain");
            NetcdfFile.Slice all = nc.read("air", Map.of());
            assertThat(all.dimensions()).containsExactly("time", "lat", "lon");
            assertThat(all.shape()).containsExactly(124, 11, 21);
        }
    }

    @Test
    void modelCalendarsLevelsEnsemblesAndIrregularLatitudes(@TempDir Path dir) throws Exception {
        Path nc = ncgen(dir, """
                netcdf model {
                dimensions: time = 2 ; member = 3 ; plev = 2 ; lat = 4 ; lon = 5 ;
                variables:
                  double time(time) ; time:units = "days since 2000-02-29" ; time:calendar = "360_day" ;
                  double reftime ; reftime:standard_name = "forecast_reference_time" ;
                    reftime:units = "hours since 2000-02-28 12:00" ; reftime:calendar = "360_day" ;
                  int member(member) ; member:standard_name = "realization" ;
                  float plev(plev) ; plev:units = "hPa" ; plev:positive = "down" ;
                  float lat(lat) ; lat:units = "degrees_north" ;
                  float lon(lon) ; lon:units = "degrees_east" ;
                  short ua(time, member, plev, lat, lon) ; ua:standard_name = "eastward_wind" ; ua:units = "m s-1" ;
                    ua:scale_factor = 0.5 ; ua:_FillValue = -1s ; ua:coordinates = "reftime" ;
                  short va(time, member, plev, lat, lon) ; va:standard_name = "northward_wind" ; va:units = "m s-1" ;
                    va:missing_value = 7s ; va:valid_max = 100s ; va:coordinates = "reftime" ;
                data:
                  time = 1, 30 ; reftime = 0 ; member = 0, 1, 2 ; plev = 850, 500 ;
                  lat = 60, 20, -30, -80 ; lon = 0, 90, 180, 270, 360 ;
                  ua = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, -1 ;
                  va = 7, 100, 101, 3 ;
                }
                """);
        try (NetcdfFile f = NetcdfFile.open(nc)) {
            assertThat(f.fields()).hasSize(2 * 2 * 3 * 2);
            NetcdfField first = f.fields().get(0);
            assertThat(first.index())
                    .containsExactly(Map.entry("time", 0), Map.entry("member", 0), Map.entry("plev", 0));
            FieldInfo info = first.info();
            assertThat(info.validTime()).isEqualTo("2000-03-01T00:00:00Z"); // 360_day 2000-02-30
            assertThat(info.referenceTime()).isEqualTo("2000-02-28T12:00:00Z");
            assertThat(info.level().value()).isEqualTo(85000.0);
            assertThat(info.ensemble().member()).isZero();
            assertThat(info.ensemble().size()).isEqualTo(3);
            assertThat(f.fields().get(1).info().level().value()).isEqualTo(50000.0);
            assertThat(f.fields().get(2).info().ensemble().member()).isEqualTo(1);
            assertThat(first.grid()).isInstanceOf(GaussianGrid.class);
            assertThat(((GaussianGrid) first.grid()).latitudes()).containsExactly(60, 20, -30, -80);
            float[] ua = first.read();
            assertThat(ua[1]).isEqualTo(0.5f);
            assertThat(ua[19]).isEqualTo(9.5f);
            float[] second = f.fields().get(1).read();
            assertThat(second[0]).isNaN(); // _FillValue -1
            float[] va =
                    f.field("va", Map.of("time", 0, "member", 0, "plev", 0)).read();
            assertThat(va[0]).isNaN(); // missing_value
            assertThat(va[1]).isEqualTo(100f);
            assertThat(va[2]).isNaN(); // above valid_max
            assertThat(va[3]).isEqualTo(3f);
            assertThat(va[4]).isNaN(); // NC_FILL_SHORT, never written
            assertThat(f.vectorPairs()).hasSize(12);
            assertThat(f.vectorPairs().get(0).u().variable()).isEqualTo("ua");
            assertThat(f.vectorPairs().get(0).v().variable()).isEqualTo("va");
            assertThat(first.gridRelativeVectors()).isFalse();
        }
    }

    @Test
    void rotatedPoleAndProjectedXWindIsGridRelative(@TempDir Path dir) throws Exception {
        Path nc = ncgen(dir, """
                netcdf rotated {
                dimensions: rlat = 3 ; rlon = 4 ;
                variables:
                  int rp ; rp:grid_mapping_name = "rotated_latitude_longitude" ;
                    rp:grid_north_pole_latitude = 31.758312 ; rp:grid_north_pole_longitude = -92.402969 ;
                  double rlat(rlat) ; rlat:standard_name = "grid_latitude" ; rlat:units = "degrees" ;
                  double rlon(rlon) ; rlon:standard_name = "grid_longitude" ; rlon:units = "degrees" ;
                  float uas(rlat, rlon) ; uas:standard_name = "x_wind" ; uas:grid_mapping = "rp" ;
                data:
                  rlat = -1, -0.5, 0 ; rlon = 10, 10.25, 10.5, 10.75 ;
                }
                """);
        try (NetcdfFile f = NetcdfFile.open(nc)) {
            RegularGrid g = (RegularGrid) f.fields().get(0).grid();
            assertThat(g.projection())
                    .isEqualTo(new RotatedPole(org.gsweather.grid.Ellipsoid.WGS84, -31.758312, 87.597031, 0));
            assertThat(g.x0()).isEqualTo(10.0);
            assertThat(g.dy()).isEqualTo(0.5);
            assertThat(f.fields().get(0).gridRelativeVectors()).isTrue();
            assertThat(f.fields().get(0).read()).containsOnly(Float.NaN); // never written: NC_FILL_FLOAT
        }
    }

    @Test
    void curvilinearGridsAreRefusedClearly(@TempDir Path dir) throws Exception {
        Path nc = ncgen(dir, """
                netcdf curvilinear {
                dimensions: j = 2 ; i = 3 ;
                variables:
                  double lat(j, i) ; lat:standard_name = "latitude" ; lat:units = "degrees_north" ;
                  double lon(j, i) ; lon:standard_name = "longitude" ; lon:units = "degrees_east" ;
                  float sst(j, i) ; sst:coordinates = "lat lon" ; sst:units = "K" ;
                data:
                  lat = 1, 1, 1, 2, 2, 2 ; lon = 1, 2, 3, 1, 2, 3 ; sst = 1, 2, 3, 4, 5, 6 ;
                }
                """);
        try (NetcdfFile f = NetcdfFile.open(nc)) {
            assertThat(f.fields())
                    .singleElement()
                    .extracting(NetcdfField::variable)
                    .isEqualTo("sst");
            assertThatThrownBy(() -> f.fields().get(0).grid())
                    .isInstanceOf(UnsupportedDataException.class)
                    .hasMessage("curvilinear.nc: variable sst: curvilinear grid: its points are located only by the 2-D"
                            + " auxiliary coordinate lat (no 1-D x/y coordinate variables); curvilinear grids are not"
                            + " supported");
            assertThat(f.fields().get(0).read()).containsExactly(1, 2, 3, 4, 5, 6);
        }
    }

    static Path ncgen(Path dir, String cdl) throws Exception {
        Tools.require("ncgen");
        String name =
                cdl.substring(cdl.indexOf("netcdf ") + 7, cdl.indexOf('{')).trim();
        Path src = dir.resolve(name + ".cdl");
        Files.writeString(src, cdl);
        Path out = dir.resolve(name + ".nc");
        Tools.run(List.of("ncgen", "-k", "nc4", "-o", out.toString(), src.toString()));
        return out;
    }
}
