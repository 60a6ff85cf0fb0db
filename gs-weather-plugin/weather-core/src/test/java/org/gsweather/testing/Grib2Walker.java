package org.gsweather.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only GRIB2 walker (the scanner proper is written elsewhere): section 0 is 16 octets with the
 * message length in octets 9-16, then come sections of [4-octet length][1-octet number], and "7777"
 * ends a message. Each section 7 makes a field with the sections 5 and 6 before it. The codec tests
 * take their code streams from it, the packing tests their fields.
 */
public final class Grib2Walker {
    private Grib2Walker() {}

    /** One field: its sections 5, 6 and 7, each from its first octet. */
    public record Field(int message, ByteBuffer section5, ByteBuffer section6, ByteBuffer section7) {
        /** Data representation template number (octets 10-11 of section 5). */
        public int template() {
            return section5.getShort(9) & 0xffff;
        }

        /** Number of packed values (octets 6-9 of section 5). */
        public int count() {
            return section5.getInt(5);
        }

        /** Bits per value (octet 20 of section 5 in templates 5.0, 5.2, 5.3, 5.40, 5.41 and 5.42). */
        public int bitsPerValue() {
            return section5.get(19) & 0xff;
        }

        /** Section 7 from octet 6: the packed data, as the packings and codecs take them. */
        public ByteBuffer data() {
            return section7.slice(5, section7.limit() - 5);
        }

        /** {@link #data()} copied into an array. */
        public byte[] dataBytes() {
            ByteBuffer d = data();
            byte[] a = new byte[d.remaining()];
            d.get(d.position(), a);
            return a;
        }

        /** Bitmap indicator (octet 6 of section 6): 255 when there is no bitmap. */
        public int bitmapIndicator() {
            return section6.get(5) & 0xff;
        }

        /** Number of points with a value: the bits set in the bitmap (section 6 from octet 7). */
        public long bitmapPoints() {
            long n = 0;
            for (int i = 6; i < section6.limit(); i++) {
                n += Integer.bitCount(section6.get(i) & 0xff);
            }
            return n;
        }

        /** Values of template 5.4 (IEEE floating point, 32 or 64 bits: octet 12 of section 5). */
        public float[] ieee() {
            if (template() != 4) {
                throw new IllegalStateException("message " + message + " has template 5." + template());
            }
            int precision = section5.get(11) & 0xff;
            ByteBuffer d = data();
            float[] v = new float[count()];
            for (int i = 0; i < v.length; i++) {
                v[i] = precision == 2 ? (float) d.getDouble(8 * i) : d.getFloat(4 * i);
            }
            return v;
        }
    }

    public static List<Field> fields(Path file) {
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
