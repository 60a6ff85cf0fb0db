package org.gsweather.grib2;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.gsweather.field.DataFormatException;
import org.gsweather.testing.Grib2Walker;

/** Template 5.42 of the fields {@link Grib2Walker} finds, read from section 5 without the scanner. */
public final class CcsdsFields {
    private CcsdsFields() {}

    /** Template 5.42 from octets 12-25 of section 5. */
    static CcsdsPacking packing(Grib2Walker.Field f) {
        if (f.template() != 42) {
            throw new IllegalStateException("message " + f.message() + " has template 5." + f.template());
        }
        ByteBuffer section5 = f.section5();
        Scaling scaling =
                new Scaling(Octets.f4(section5, 0, 12), Octets.s2(section5, 0, 16), Octets.s2(section5, 0, 18));
        return new CcsdsPacking(
                scaling,
                Octets.u1(section5, 0, 20),
                Octets.u1(section5, 0, 22),
                Octets.u1(section5, 0, 23),
                Octets.u2(section5, 0, 24));
    }

    static float[] unpack(Grib2Walker.Field f) throws DataFormatException {
        float[] out = new float[f.count()];
        packing(f).unpack(f.data(), out.length, out);
        return out;
    }

    /** A decoding of one field, for benchmarks outside this package. */
    public interface Decoding {
        int count();

        void unpack(float[] out) throws DataFormatException;
    }

    /** The {@code index}-th field (from 0) of a file whose fields are packed with template 5.42. */
    public static Decoding of(Path file, int index) {
        Grib2Walker.Field f = Grib2Walker.fields(file).get(index);
        CcsdsPacking packing = packing(f);
        ByteBuffer data = f.data();
        int count = f.count();
        return new Decoding() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public void unpack(float[] out) throws DataFormatException {
                packing.unpack(data, count, out);
            }
        };
    }
}
