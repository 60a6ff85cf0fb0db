package org.gsweather.grib2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.field.DataFormatException;

/**
 * A test-only GRIB2 walker (the scanner proper is written elsewhere): section 0 is 16 octets with the
 * message length in octets 9-16, then come sections of [4-octet length][1-octet number], and "7777"
 * ends a message. Each section 7 makes a field with the sections 5 and 6 before it.
 */
public final class Grib2Walker {
    private Grib2Walker() {}

    /** One field: its sections 5, 6 and 7, each from its first octet. */
    record Field(int message, ByteBuffer section5, ByteBuffer section6, ByteBuffer section7) {
        int template() {
            return Octets.u2(section5, 0, 10);
        }

        /** Number of packed values (octets 6-9 of section 5). */
        int count() {
            return (int) Octets.u4(section5, 0, 6);
        }

        /** Section 7 from octet 6, as {@link DataRepresentation#unpack} takes it. */
        ByteBuffer data() {
            return section7.slice(5, section7.limit() - 5);
        }

        /** Bitmap indicator (octet 6 of section 6): 255 when there is no bitmap. */
        int bitmapIndicator() {
            return Octets.u1(section6, 0, 6);
        }

        /** Number of points with a value: the bits set in the bitmap (section 6 from octet 7). */
        long bitmapPoints() {
            long n = 0;
            for (int i = 6; i < section6.limit(); i++) {
                n += Integer.bitCount(section6.get(i) & 0xff);
            }
            return n;
        }

        /** Template 5.42 from octets 12-25 of section 5. */
        CcsdsPacking ccsds() {
            if (template() != 42) {
                throw new IllegalStateException("message " + message + " has template 5." + template());
            }
            Scaling scaling =
                    new Scaling(Octets.f4(section5, 0, 12), Octets.s2(section5, 0, 16), Octets.s2(section5, 0, 18));
            return new CcsdsPacking(
                    scaling,
                    Octets.u1(section5, 0, 20),
                    Octets.u1(section5, 0, 22),
                    Octets.u1(section5, 0, 23),
                    Octets.u2(section5, 0, 24));
        }

        /** Values of template 5.4 (IEEE floating point, 32 or 64 bits: octet 12 of section 5). */
        float[] ieee() {
            if (template() != 4) {
                throw new IllegalStateException("message " + message + " has template 5." + template());
            }
            int precision = Octets.u1(section5, 0, 12);
            ByteBuffer d = data();
            float[] v = new float[count()];
            for (int i = 0; i < v.length; i++) {
                v[i] = precision == 2 ? (float) d.getDouble(8 * i) : d.getFloat(4 * i);
            }
            return v;
        }

        float[] unpackCcsds() throws DataFormatException {
            float[] out = new float[count()];
            ccsds().unpack(data(), out.length, out);
            return out;
        }
    }

    /** A decoding of one field, for benchmarks outside this package. */
    public interface Decoding {
        int count();

        void unpack(float[] out) throws DataFormatException;
    }

    /** The {@code index}-th field (from 0) of a file whose fields are packed with template 5.42. */
    public static Decoding ccsds(Path file, int index) {
        Field f = fields(file).get(index);
        CcsdsPacking packing = f.ccsds();
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

    /**
     * The {@code index}-th field (from 0) of a file whose fields are packed with template 5.40, decoded
     * by our decoder or, with {@code jj2000}, by JJ2000 and then scaled.
     */
    public static Decoding jpeg2000(Path file, int index, boolean jj2000) {
        Field f = fields(file).get(index);
        Scaling scaling = new Scaling(
                Octets.f4(f.section5(), 0, 12), Octets.s2(f.section5(), 0, 16), Octets.s2(f.section5(), 0, 18));
        Jpeg2000Packing packing = new Jpeg2000Packing(scaling, Octets.u1(f.section5(), 0, 20));
        ByteBuffer data = f.data();
        int count = f.count();
        return new Decoding() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public void unpack(float[] out) throws DataFormatException {
                if (jj2000) {
                    byte[] stream = new byte[data.remaining()];
                    data.get(data.position(), stream);
                    scaling.applyUnsigned(Jj2000Decoder.decode(stream, count), count, out, 0);
                } else {
                    packing.unpack(data, count, out);
                }
            }
        };
    }

    static List<Field> fields(Path file) {
        ByteBuffer b;
        try {
            b = ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Field> fields = new ArrayList<>();
        int start = 0;
        int message = 0;
        while (start + 16 <= b.limit()) {
            if (b.getInt(start) != 0x47524942) { // "GRIB"
                throw new IllegalStateException(file + ": no GRIB at octet " + start);
            }
            long total = b.getLong(start + 8);
            int p = start + 16;
            ByteBuffer s5 = null;
            ByteBuffer s6 = null;
            while (b.getInt(p) != 0x37373737) { // "7777"
                int length = b.getInt(p);
                int number = b.get(p + 4);
                ByteBuffer section = b.slice(p, length);
                switch (number) {
                    case 5 -> s5 = section;
                    case 6 -> s6 = section;
                    case 7 -> fields.add(new Field(message, s5, s6, section));
                    default -> {}
                }
                p += length;
            }
            if (p + 4 != start + total) {
                throw new IllegalStateException(
                        file + ": message " + message + " ends at " + (p + 4) + ", not " + (start + total));
            }
            start = p + 4;
            message++;
        }
        return fields;
    }
}
