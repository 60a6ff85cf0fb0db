package org.gsweather.grib2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gsweather.field.DataFormatException;

/**
 * Test-only walk over the sections of the first GRIB2 message of a file, standing in for the scanner:
 * section 0 is 16 octets with the total length in octets 9-16, then each section is [length:4][number:1]
 * until "7777". Public so that the benchmarks of {@code grib2.bench} can decode with it.
 */
public final class TestMessage {
    private final ByteBuffer[] sections = new ByteBuffer[8];

    private TestMessage(ByteBuffer message) {
        long total = message.getLong(8);
        int pos = 16;
        while (pos + 4 <= total && message.getInt(pos) != 0x37373737) {
            int length = message.getInt(pos);
            int number = message.get(pos + 4);
            sections[number] = message.slice(pos, length);
            pos += length;
        }
    }

    public static TestMessage read(Path file) {
        try {
            return new TestMessage(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Section {@code n}, from its octet 1. */
    ByteBuffer section(int n) {
        if (sections[n] == null) {
            throw new IllegalStateException("no section " + n);
        }
        return sections[n];
    }

    /** Number of packed values: section 5 octets 6-9. */
    public int count() {
        return (int) Octets.u4(section(5), 0, 6);
    }

    int template() {
        return Octets.u2(section(5), 0, 10);
    }

    /** Template 5.41 from section 5: R in octets 12-15, E 16-17, D 18-19, bits per value 20. */
    PngPacking pngPacking() {
        if (template() != 41) {
            throw new IllegalStateException("data representation template 5." + template() + ", not 5.41");
        }
        return new PngPacking(scaling(), Octets.u1(section(5), 0, 20));
    }

    /** Template 5.40 from section 5: R, E, D as 5.41, bits per value in octet 20. */
    Jpeg2000Packing jpeg2000Packing() {
        if (template() != 40) {
            throw new IllegalStateException("data representation template 5." + template() + ", not 5.40");
        }
        return new Jpeg2000Packing(scaling(), Octets.u1(section(5), 0, 20));
    }

    /** Type of compression (octet 22 of template 5.40): 0 lossless, 1 lossy. */
    int jpeg2000Compression() {
        return Octets.u1(section(5), 0, 22);
    }

    Scaling scaling() {
        ByteBuffer s5 = section(5);
        return new Scaling(Octets.f4(s5, 0, 12), Octets.s2(s5, 0, 16), Octets.s2(s5, 0, 18));
    }

    /** Section 7 from octet 6 to its end, position 0. */
    public ByteBuffer data() {
        ByteBuffer s7 = section(7);
        return s7.slice(5, s7.limit() - 5);
    }

    /** The values of a message repacked by ecCodes as IEEE 32-bit (template 5.4, precision 1). */
    float[] ieeeValues() {
        if (template() != 4 || Octets.u1(section(5), 0, 12) != 1) {
            throw new IllegalStateException("data representation template 5." + template() + ", not 5.4 32-bit");
        }
        float[] values = new float[count()];
        data().asFloatBuffer().get(values);
        return values;
    }

    /** Decodes section 7 with the PNG packing of section 5. */
    public void unpackPng(float[] out) throws DataFormatException {
        pngPacking().unpack(data(), count(), out);
    }
}
