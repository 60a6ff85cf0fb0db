package org.gsweather.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Write a field's values as raw little-endian float32 in the order the file stores them "
                + "(as wgrib2 -order raw -no_header -bin), NaN where missing.")
final class DecodeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "GRIB2 file")
    Path file;

    @Option(names = "--field", required = true, paramLabel = "N", description = "Field number, from 1 (see inspect).")
    int field;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        float[] values;
        try (Grib2File grib = Grib2File.open(file)) {
            Grib2Field f = grib.field(field);
            values = f.readStored();
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
