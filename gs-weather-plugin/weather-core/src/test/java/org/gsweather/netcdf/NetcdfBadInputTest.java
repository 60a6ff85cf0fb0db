package org.gsweather.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.dataset.ChunkedDataset;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.gsweather.FieldFiles;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.UnsupportedDataException;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broken and foreign input: a clear error naming the file and what is wrong, and nothing hangs. */
@Timeout(30)
class NetcdfBadInputTest {

    private static Path truncated(Path dir, String file, long length) throws Exception {
        byte[] all = Files.readAllBytes(TestData.file(file));
        Path p = dir.resolve("cut-" + Path.of(file).getFileName());
        Files.write(p, Arrays.copyOf(all, (int) length));
        return p;
    }

    @Test
    void netcdf3CutInTheDataNamesTheVariableThatNoLongerFits(@TempDir Path dir) throws Exception {
        Path p = truncated(dir, "netcdf/cf/air-64bit-offset.nc", 30000);
        assertThatThrownBy(() -> NetcdfFile.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("cut-air-64bit-offset.nc: file is truncated: variable air needs bytes up to 58768 but the"
                        + " file has 30000");
    }

    @Test
    void netcdf3CutInTheHeaderSaysSo(@TempDir Path dir) throws Exception {
        Path p = truncated(dir, "netcdf/cf/test_lcc.nc", 200);
        assertThatThrownBy(() -> FieldFiles.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("cut-test_lcc.nc: ")
                .hasMessageContaining("header");
    }

    @Test
    void netcdf4CutShortFailsOnOpenOrReadWithTheFileName(@TempDir Path dir) throws Exception {
        Path p = truncated(dir, NetcdfReferenceTest.RADM, 200_000);
        String name = p.getFileName().toString();
        try (NetcdfFile nc = NetcdfFile.open(p)) {
            assertThatThrownBy(() -> {
                        for (NetcdfField f : nc.fields()) {
                            f.read();
                        }
                    })
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(name + ": variable ");
        } catch (DataFormatException e) {
            assertThat(e).hasMessageStartingWith(name + ": ");
        }
    }

    @Test
    void corruptDeflateChunkNamesVariableAndChunk(@TempDir Path dir) throws Exception {
        Path source = TestData.file(NetcdfReferenceTest.RADM);
        byte[] all = Files.readAllBytes(source);
        byte[] head;
        try (HdfFile hdf = new HdfFile(source)) {
            ByteBuffer raw = ((ChunkedDataset) hdf.getDatasetByPath("Rad")).getRawChunkBuffer(new int[] {250, 0});
            head = new byte[64];
            raw.get(head);
        }
        int at = indexOf(all, head);
        assertThat(at).isPositive();
        for (int k = at + 8; k < at + 400; k++) {
            all[k] = (byte) (all[k] * 31 + 7);
        }
        Path p = dir.resolve("corrupt.nc");
        Files.write(p, all);
        try (NetcdfFile nc = NetcdfFile.open(p)) {
            assertThatThrownBy(() -> nc.field("Rad", Map.of()).read())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("corrupt.nc: variable Rad: chunk at [250, 0] ");
            assertThat(nc.field("DQF", Map.of()).read()).hasSize(250_000); // the other variable still reads
        }
    }

    private static int indexOf(byte[] all, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= all.length; i++) {
            for (int k = 0; k < part.length; k++) {
                if (all[i + k] != part[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void unknownGridMappingIsUnsupportedAndNamesIt(@TempDir Path dir) throws Exception {
        Path nc = NetcdfFieldsTest.ncgen(dir, """
                netcdf sinus {
                dimensions: y = 2 ; x = 2 ;
                variables:
                  int crs ; crs:grid_mapping_name = "sinusoidal" ;
                  double y(y) ; y:standard_name = "projection_y_coordinate" ; y:units = "m" ;
                  double x(x) ; x:standard_name = "projection_x_coordinate" ; x:units = "m" ;
                  float t(y, x) ; t:grid_mapping = "crs" ;
                data: y = 0, 1000 ; x = 0, 1000 ; t = 1, 2, 3, 4 ;
                }
                """);
        try (NetcdfFile f = NetcdfFile.open(nc)) {
            assertThatThrownBy(() -> f.fields().get(0).grid())
                    .isInstanceOf(UnsupportedDataException.class)
                    .hasMessage("sinus.nc: variable t: grid_mapping_name \"sinusoidal\" of crs is not supported"
                            + " (supported: " + CfGridMapping.SUPPORTED + ")");
            assertThat(f.fields().get(0).read()).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void plainHdf5IsNotNetcdf4(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("plain.h5");
        try (WritableHdfFile w = HdfFile.write(p)) {
            w.putDataset("temperature", new float[][] {{1, 2}, {3, 4}});
        }
        assertThatThrownBy(() -> FieldFiles.open(p))
                .isInstanceOf(UnsupportedDataException.class)
                .hasMessageStartingWith("plain.h5: an HDF5 file but not NetCDF-4");
    }

    @Test
    void textFileIsNoNetcdf(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("notes.txt");
        Files.writeString(p, "CDF is not here, just text\n");
        assertThatThrownBy(() -> NetcdfFile.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("notes.txt: not a NetCDF file");
        assertThatThrownBy(() -> FieldFiles.open(p)).isInstanceOf(DataFormatException.class);
    }

    @Test
    void emptyAndBadMagicNetcdf3(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("v9.nc");
        Files.write(p, new byte[] {'C', 'D', 'F', 1, 0, 0});
        assertThatThrownBy(() -> NetcdfFile.open(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("v9.nc: ");
    }
}
