package org.gsweather.codec.aec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.testing.Tools;

/**
 * libaec's command-line tool {@code aec} (Debian package libaec-tools) as the reference encoder and
 * decoder of the tests. Samples go in and come out in libaec's layout: 1, 2, 3 ({@link
 * AecDecoder#THREE_BYTE}) or 4 bytes each, little-endian unless {@link AecDecoder#MSB}.
 */
final class AecTool {
    private AecTool() {}

    /** Skips the calling test when {@code aec} is not installed. */
    static void require() {
        Tools.require("aec");
    }

    static byte[] encode(int[] samples, int bits, int flags, int blockSize, int rsi) {
        return run(sampleBytes(samples, bits, flags), bits, flags, blockSize, rsi, false);
    }

    /** libaec's own decoding of {@code count} samples. */
    static int[] decode(byte[] coded, int count, int bits, int flags, int blockSize, int rsi) {
        byte[] out = run(coded, bits, flags, blockSize, rsi, true);
        int size = bytesPerSample(bits, flags);
        if (out.length < (long) count * size) {
            throw new IllegalStateException("aec -d gave " + out.length + " bytes for " + count + " samples");
        }
        ByteBuffer b = ByteBuffer.wrap(out).order(order(flags));
        int[] x = new int[count];
        for (int i = 0; i < count; i++) {
            int v = switch (size) {
                case 1 -> b.get() & 0xff;
                case 2 -> b.getShort() & 0xffff;
                case 3 ->
                    b.order() == ByteOrder.BIG_ENDIAN
                            ? (b.get() & 0xff) << 16 | (b.get() & 0xff) << 8 | (b.get() & 0xff)
                            : (b.get() & 0xff) | (b.get() & 0xff) << 8 | (b.get() & 0xff) << 16;
                default -> b.getInt();
            };
            if ((flags & AecDecoder.SIGNED) != 0 && bits < 32) {
                v = v << (32 - bits) >> (32 - bits);
            }
            x[i] = v;
        }
        return x;
    }

    static int bytesPerSample(int bits, int flags) {
        if (bits > 16) {
            return bits <= 24 && (flags & AecDecoder.THREE_BYTE) != 0 ? 3 : 4;
        }
        return bits > 8 ? 2 : 1;
    }

    static byte[] sampleBytes(int[] samples, int bits, int flags) {
        int size = bytesPerSample(bits, flags);
        ByteBuffer b = ByteBuffer.allocate(samples.length * size).order(order(flags));
        // libaec takes signed samples as n-bit two's complement, without the sign extended
        int mask = bits == 32 ? -1 : (1 << bits) - 1;
        for (int sample : samples) {
            int v = sample & mask;
            switch (size) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 3 -> {
                    if (b.order() == ByteOrder.BIG_ENDIAN) {
                        b.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
                    } else {
                        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                    }
                }
                default -> b.putInt(v);
            }
        }
        return b.array();
    }

    private static ByteOrder order(int flags) {
        return (flags & AecDecoder.MSB) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static byte[] run(byte[] input, int bits, int flags, int blockSize, int rsi, boolean decode) {
        require();
        try {
            Path dir = Files.createDirectories(Path.of("target", "aec"));
            Path in = Files.createTempFile(dir, "in", ".bin");
            Path out = Files.createTempFile(dir, "out", ".bin");
            try {
                Files.write(in, input);
                List<String> command =
                        new ArrayList<>(List.of("aec", "-n", "" + bits, "-j", "" + blockSize, "-r", "" + rsi));
                if (decode) {
                    command.add("-d");
                }
                if ((flags & AecDecoder.PREPROCESS) == 0) {
                    command.add("-N");
                }
                if ((flags & AecDecoder.SIGNED) != 0) {
                    command.add("-s");
                }
                if ((flags & AecDecoder.MSB) != 0) {
                    command.add("-m");
                }
                if ((flags & AecDecoder.THREE_BYTE) != 0) {
                    command.add("-3");
                }
                if ((flags & AecDecoder.RESTRICTED) != 0) {
                    command.add("-t");
                }
                if ((flags & AecDecoder.PAD_RSI) != 0) {
                    command.add("-p");
                }
                command.add(in.toString());
                command.add(out.toString());
                Tools.run(command);
                return Files.readAllBytes(out);
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
