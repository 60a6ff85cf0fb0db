package org.gsweather.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.gsweather.testing.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Code streams made by OpenJPEG's {@code opj_compress} (Debian libopenjp2-tools, installed by bin/test)
 * with the options GRIB2 producers leave at their defaults: code-block sizes and styles, levels,
 * layers, precincts, progression orders, tiles, image and tile offsets, SOP/EPH, tile-parts and the 9/7
 * wavelet. Our decoder must take each without falling back, and give the integers of OpenJPEG's
 * {@code opj_decompress} (the library ecCodes decodes with) and of JJ2000 (whose image starts at the
 * origin of the reference grid, not of the image), but where one of them errs: JJ2000 misses the last
 * tile of a stream split into tile-parts by layer, OpenJPEG is one off in the 3-sample wide tiles of
 * {@link #OPENJPEG_ONE_OFF}, where JJ2000 and we agree.
 */
class Jpeg2000OpenJpegTest {
    private static final int WIDTH = 203;
    private static final int HEIGHT = 151;
    private static final String OPENJPEG_ONE_OFF = "-d 0,7 -t 50,50 -T 0,3";

    static Stream<Arguments> streams() {
        List<Arguments> a = new ArrayList<>();
        for (String options : new String[] {
            "-n 6",
            "-n 1",
            "-n 3 -b 4,4",
            "-n 2 -b 1024,4",
            "-b 16,256",
            "-n 8",
            "-r 40,20,10",
            "-r 40,20,1 -p RLCP",
            "-p RPCL -c [32,32],[32,32],[16,16]",
            "-p PCRL -c [64,64],[32,32] -r 20,5,1",
            "-p CPRL -c [16,16] -n 3",
            "-p LRCP -c [8,8] -b 4,4 -r 30,1 -n 3",
            "-M 1 -r 30,10,1",
            "-M 1 -b 16,16",
            "-M 2",
            "-M 4 -r 20,1",
            "-M 8",
            "-M 16",
            "-M 32",
            "-M 5 -r 20,4,1",
            "-M 63 -r 30,10,1 -b 16,16",
            "-t 64,64",
            "-t 100,70 -T 7,5 -d 9,11 -p PCRL -c [64,64],[32,32] -r 30,1",
            "-d 1,1 -n 5",
            "-d 3,0 -n 4 -b 8,8",
            OPENJPEG_ONE_OFF,
            "-SOP -EPH -r 10,1",
            "-SOP -EPH -p RPCL -c [32,32] -t 64,64",
            "-TP R -t 64,64",
            "-TP L -r 10,1 -t 100,100",
        }) {
            a.add(Arguments.of(12, options));
        }
        for (int bits : new int[] {8, 10, 16}) {
            a.add(Arguments.of(bits, "-n 5"));
        }
        a.add(Arguments.of(16, "-M 63 -r 50,20,1 -p RPCL -c [32,32]"));
        return a.stream();
    }

    @ParameterizedTest(name = "{0} bits {1}")
    @MethodSource("streams")
    void decodesAsOpenJpegAndJj2000(int bits, String options) throws Exception {
        byte[] stream = compress(bits, options);
        int[] ours = J2kDecoder.decode(stream, WIDTH * HEIGHT);
        if (!options.equals(OPENJPEG_ONE_OFF)) {
            assertSameSamples(ours, decompress(bits, options), options + " against OpenJPEG");
        }
        if (!options.contains("-TP L")) {
            assertSameSamples(ours, jj2000(stream), options + " against JJ2000");
        }
    }

    /** Equal integers, or the first difference and how many there are (arrays too long to print). */
    static void assertSameSamples(int[] ours, int[] reference, String what) {
        assertThat(ours).as(what).hasSameSizeAs(reference);
        int first = -1;
        int count = 0;
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != reference[i]) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count > 0) {
            throw new AssertionError(what + ": " + count + " samples differ, the first at " + first + " (x "
                    + first % WIDTH + ", y " + first / WIDTH + "): " + ours[first] + " instead of " + reference[first]);
        }
    }

    static Stream<Arguments> irreversible() {
        return Stream.of(
                Arguments.of(12, "-I"),
                Arguments.of(12, "-I -r 10"),
                Arguments.of(16, "-I -r 40,10,2 -M 1"),
                Arguments.of(8, "-I -n 3 -t 64,64 -d 3,5"));
    }

    /** The 9/7 wavelet in floats: the same integers as JJ2000 but for a few rounded the other way. */
    @ParameterizedTest(name = "{0} bits {1}")
    @MethodSource("irreversible")
    void decodesIrreversibleAsJj2000(int bits, String options) throws Exception {
        byte[] stream = compress(bits, options);
        int[] ours = J2kDecoder.decode(stream, WIDTH * HEIGHT);
        assertThat(offByOne(ours, jj2000(stream), "JJ2000")).isLessThan(ours.length / 200);
        offByOne(ours, decompress(bits, options), "OpenJPEG"); // which rounds some 10% of 16-bit samples the other way
    }

    /** Every sample within 1 of the reference; returns how many are not equal. */
    private static int offByOne(int[] ours, int[] reference, String what) {
        int different = 0;
        for (int i = 0; i < ours.length; i++) {
            if (Math.abs(ours[i] - reference[i]) > 1) {
                throw new AssertionError("sample " + i + " is " + ours[i] + ", " + what + " decodes " + reference[i]);
            }
            different += ours[i] != reference[i] ? 1 : 0;
        }
        return different;
    }

    /** JJ2000's samples of the image area (the bottom right of the raster it returns). */
    static int[] jj2000(byte[] stream) throws Exception {
        var reader = new com.github.jaiimageio.jpeg2000.impl.J2KImageReader(
                new com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi());
        try (var in = new javax.imageio.stream.MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(stream))) {
            reader.setInput(in);
            java.awt.image.Raster r = reader.readRaster(0, null);
            return r.getSamples(
                    r.getMinX() + r.getWidth() - WIDTH, r.getMinY() + r.getHeight() - HEIGHT, WIDTH, HEIGHT, 0, (int[])
                            null);
        } finally {
            reader.dispose();
        }
    }

    /** Streams our decoder leaves to JJ2000, through the public decoder: more than one component, 1-sample precincts. */
    @ParameterizedTest(name = "{0} components {1}")
    @MethodSource("fallbacks")
    void fallsBackToJj2000(int components, String options) throws Exception {
        byte[] stream = compress(8, options, components);
        assertThatThrownBy(() -> J2kDecoder.decode(stream, WIDTH * HEIGHT)).isInstanceOf(J2kUnsupportedException.class);
        assertThat(Jpeg2000Decoder.decode(stream, WIDTH * HEIGHT))
                .isEqualTo(Jj2000Decoder.decode(stream, WIDTH * HEIGHT));
    }

    static Stream<Arguments> fallbacks() {
        return Stream.of(Arguments.of(1, "-p CPRL -c [16,16]"), Arguments.of(2, "-n 4"), Arguments.of(3, "-mct 0"));
    }

    static byte[] compress(int bits, String options) throws IOException {
        return compress(bits, options, 1);
    }

    /** {@code opj_compress} of the test image at {@code bits} bits with {@code options}, made once. */
    static byte[] compress(int bits, String options, int components) throws IOException {
        Tools.require("opj_compress");
        Path dir = Files.createDirectories(Path.of("target", "j2k-opj"));
        Path raw = dir.resolve("image" + bits + "x" + components + ".raw");
        if (!Files.exists(raw)) {
            byte[] one = image(bits);
            byte[] all = new byte[one.length * components];
            for (int c = 0; c < components; c++) {
                System.arraycopy(one, 0, all, c * one.length, one.length);
            }
            Files.write(raw, all);
        }
        Path out = dir.resolve(name(bits, options) + (components > 1 ? "x" + components : "") + ".j2k");
        if (!Files.exists(out)) {
            List<String> command = new ArrayList<>(List.of(
                    "opj_compress",
                    "-i",
                    raw.toString(),
                    "-F",
                    WIDTH + "," + HEIGHT + "," + components + "," + bits + ",u",
                    "-o",
                    out.toString()));
            command.addAll(Arrays.asList(options.split(" ")));
            Tools.run(command);
        }
        return Files.readAllBytes(out);
    }

    /** The samples {@code opj_decompress} decodes from {@link #compress}'s stream, read from a PGM file. */
    static int[] decompress(int bits, String options) throws IOException {
        Path j2k = Path.of("target", "j2k-opj", name(bits, options) + ".j2k");
        Path pgm = Path.of("target", "j2k-opj", name(bits, options) + ".pgm");
        if (!Files.exists(pgm)) {
            Tools.run(List.of("opj_decompress", "-quiet", "-i", j2k.toString(), "-o", pgm.toString()));
        }
        byte[] b = Files.readAllBytes(pgm);
        int bytes = bits > 8 ? 2 : 1;
        int[] samples = new int[WIDTH * HEIGHT];
        int at = b.length - samples.length * bytes; // the samples end the file, after the header and a comment
        assertThat(new String(b, 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("P5");
        for (int i = 0; i < samples.length; i++) {
            int p = at + i * bytes;
            samples[i] = bytes == 2 ? (b[p] & 0xff) << 8 | (b[p + 1] & 0xff) : b[p] & 0xff;
        }
        return samples;
    }

    private static String name(int bits, String options) {
        return ("b" + bits + options).replaceAll("[^A-Za-z0-9,]+", "_");
    }

    /** A field-like image: smooth waves, noise and a step, big-endian samples of {@code bits} bits. */
    static byte[] image(int bits) {
        int max = (1 << bits) - 1;
        int bytes = bits > 8 ? 2 : 1;
        byte[] b = new byte[WIDTH * HEIGHT * bytes];
        java.util.Random random = new java.util.Random(bits);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double v = 0.5 + 0.3 * Math.sin(x / 17.0) * Math.cos(y / 11.0) + (x > 120 ? 0.15 : 0);
                int s = (int) Math.round(v * max + random.nextGaussian() * max / 100.0);
                s = Math.max(0, Math.min(max, s));
                int i = (y * WIDTH + x) * bytes;
                if (bytes == 2) {
                    b[i] = (byte) (s >> 8);
                }
                b[i + bytes - 1] = (byte) s;
            }
        }
        return b;
    }
}
