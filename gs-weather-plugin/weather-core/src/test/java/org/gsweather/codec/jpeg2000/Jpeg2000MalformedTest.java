package org.gsweather.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gsweather.field.DataFormatException;
import org.gsweather.testing.Grib2Walker;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Broken code streams: cut short, with garbage for packet data, with lying lengths, and randomly
 * mutated. Our decoder must answer with a {@link DataFormatException} (or decode, or leave the stream
 * to JJ2000), never another exception, a hang or an allocation the data does not justify.
 */
class Jpeg2000MalformedTest {
    private static final String NAM = "grib2/noaa/fh.0012_tl.press_gr.awp211.grb2";

    /** The first NAM field (93x65, 13 bits): a real stream small enough to mutate thousands of times. */
    private static byte[] nam() {
        Grib2Walker.Field f = Grib2Walker.fields(TestData.file(NAM)).get(0);
        assertThat(f.template()).isEqualTo(40);
        return Jpeg2000DecoderTest.bytes(f.data());
    }

    private static final int NAM_COUNT = 93 * 65;

    @Test
    void reportsStreamsCutAtEveryMarkerAndInsidePackets() {
        byte[] stream = nam();
        List<Integer> cuts = new ArrayList<>();
        for (int p = 0; p + 1 < stream.length; p++) {
            if (stream[p] == (byte) 0xff && (stream[p + 1] & 0xff) >= 0x4f && p < 200) {
                cuts.add(p);
                cuts.add(p + 1);
                cuts.add(p + 3);
            }
        }
        for (int k = 1; k < 20; k++) {
            cuts.add(stream.length * k / 20);
        }
        cuts.add(stream.length - 3); // inside EOC's tile-part
        for (int cut : cuts) {
            byte[] shorter = Arrays.copyOf(stream, cut);
            assertThatThrownBy(() -> J2kDecoder.decode(shorter, NAM_COUNT))
                    .as("stream cut to %d of %d octets", cut, stream.length)
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("JPEG 2000");
        }
    }

    @Test
    void decodesAStreamWithoutEoc() throws Exception {
        byte[] stream = nam();
        assertThat(stream[stream.length - 1] & 0xff).isEqualTo(0xd9);
        int[] whole = J2kDecoder.decode(stream, NAM_COUNT);
        assertThat(J2kDecoder.decode(Arrays.copyOf(stream, stream.length - 2), NAM_COUNT))
                .isEqualTo(whole);
    }

    @Test
    void survivesGarbageAfterSod() {
        byte[] stream = nam();
        int sod = indexOf(stream, 0xff93);
        Random random = new Random(93);
        for (int k = 0; k < 200; k++) {
            byte[] garbage = stream.clone();
            for (int p = sod + 2; p < garbage.length - 2; p++) {
                garbage[p] = (byte) random.nextInt(256);
            }
            expectDataFormatOrSamples(garbage);
        }
    }

    @Test
    void reportsLyingSegmentLengths() {
        byte[] stream = nam();
        for (int marker : new int[] {0xff51, 0xff52, 0xff5c, 0xff90}) {
            int at = indexOf(stream, marker);
            for (int length : new int[] {0, 1, 2, 3, 5, 9, 200, 0xffff}) {
                byte[] lying = stream.clone();
                lying[at + 2] = (byte) (length >> 8);
                lying[at + 3] = (byte) length;
                assertThatThrownBy(() -> J2kDecoder.decode(lying, NAM_COUNT))
                        .as("marker %x with length %d", marker, length)
                        .isInstanceOf(DataFormatException.class);
            }
        }
        int sot = indexOf(stream, 0xff90);
        for (long psot : new long[] {1, 13, 14, 100, stream.length, 0xffffffffL}) {
            byte[] lying = stream.clone();
            for (int k = 0; k < 4; k++) {
                lying[sot + 6 + k] = (byte) (psot >> (24 - 8 * k));
            }
            expectDataFormatOrSamples(lying);
        }
    }

    @Test
    void reportsAnImageOfAnotherSize() {
        byte[] stream = nam();
        assertThatThrownBy(() -> J2kDecoder.decode(stream, NAM_COUNT + 1))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("93x65 samples for 6046 packed values");
    }

    /** Random flips, overwrites, insertions and deletions in real streams, decoded within a time limit. */
    @Test
    void fuzz() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(nam());
        for (String options : new String[] {"-M 63 -r 30,10,1 -b 16,16", "-p PCRL -c [64,64],[32,32] -t 100,70"}) {
            try {
                seeds.add(Jpeg2000OpenJpegTest.compress(12, options));
            } catch (Exception | AssertionError e) {
                // opj_compress absent: the real stream alone
            }
        }
        Random random = new Random(2026);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int k = 0; k < 3000; k++) {
                byte[] seed = seeds.get(k % seeds.size());
                int count = seed == seeds.get(0) ? NAM_COUNT : 203 * 151;
                expectDataFormatOrSamples(mutate(seed, random), count);
            }
        });
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            // the headers more often than the packets: they steer everything else
            int p = random.nextInt(4) == 0 ? random.nextInt(b.length) : random.nextInt(Math.min(b.length, 160));
            switch (random.nextInt(5)) {
                case 0 -> b[p] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[p] = (byte) random.nextInt(256);
                case 2 -> b[p] = (byte) (random.nextBoolean() ? 0xff : 0);
                case 3 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, p);
                    longer[p] = (byte) random.nextInt(256);
                    System.arraycopy(b, p, longer, p + 1, b.length - p);
                    b = longer;
                }
                default -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, p);
                    System.arraycopy(b, p + 1, shorter, p, b.length - p - 1);
                    b = shorter;
                }
            }
        }
        return b;
    }

    private static void expectDataFormatOrSamples(byte[] stream) {
        expectDataFormatOrSamples(stream, NAM_COUNT);
    }

    private static void expectDataFormatOrSamples(byte[] stream, int count) {
        try {
            assertThat(J2kDecoder.decode(stream, count)).hasSize(count);
        } catch (DataFormatException | J2kUnsupportedException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static int indexOf(byte[] b, int marker) {
        for (int p = 0; p + 1 < b.length; p++) {
            if ((b[p] & 0xff) == marker >> 8 && (b[p + 1] & 0xff) == (marker & 0xff)) {
                return p;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }
}
