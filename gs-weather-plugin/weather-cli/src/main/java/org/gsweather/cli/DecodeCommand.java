package org.gsweather.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gsweather.FieldFiles;
import org.gsweather.field.FieldFile;
import org.gsweather.grib2.Grib2File;
import org.gsweather.netcdf.NetcdfFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Write values as raw little-endian float32 in the order the file stores them, NaN where"
                + " missing. GRIB2: one field (as wgrib2 -order raw -no_header -bin). NetCDF: a variable's physical"
                + " values (unpacked) in its stored index order, the dimensions given in --index fixed, the others"
                + " whole (as ncdump lists them).")
final class DecodeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "GRIB2 or NetCDF file")
    Path file;

    @Option(names = "--field", paramLabel = "N", description = "GRIB2: field number, from 1 (see inspect).")
    Integer field;

    @Option(names = "--variable", paramLabel = "NAME", description = "NetCDF: variable name.")
    String variable;

    @Option(
            names = "--index",
            paramLabel = "DIM=N[,DIM=N...]",
            description = "NetCDF: fix dimensions at an index, e.g. time=0,z=3.")
    String index;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        float[] values;
        try (FieldFile opened = FieldFiles.open(file)) {
            if (opened instanceof NetcdfFile nc) {
                if (variable == null) {
                    throw new IllegalArgumentException(
                            file.getFileName() + " is NetCDF: give --variable NAME [--index DIM=N,...]");
                }
                values = nc.read(variable, NetcdfInventory.parseIndex(index)).values();
            } else {
                if (field == null) {
                    throw new IllegalArgumentException(file.getFileName() + " is GRIB2: give --field N");
                }
                values = ((Grib2File) opened).field(field).readStored();
            }
        }
        if (out == null) {
            write(values, System.out);
            System.out.flush();
        } else {
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".wx-decode", ".part");
            try {
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    write(values, o);
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return 0;
    }

    /** Float32 little-endian, missing values as the canonical NaN. */
    static void write(float[] values, OutputStream o) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (!b.hasRemaining()) {
                o.write(b.array(), 0, b.position());
                b.clear();
            }
            b.putFloat(v != v ? Float.NaN : v);
        }
        o.write(b.array(), 0, b.position());
    }
}
