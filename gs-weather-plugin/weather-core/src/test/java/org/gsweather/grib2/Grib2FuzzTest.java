package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gsweather.field.DataFormatException;
import org.gsweather.field.DecodePool;
import org.gsweather.field.Field;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated copies of real messages (bit flips, overwritten length and template fields, truncations):
 * opening and decoding, on the calling thread and with a pool's help, either works or fails with a
 * {@link DataFormatException}; never another exception, an OutOfMemoryError or a hang. Deterministic
 * seeds, so a failure reproduces.
 */
class Grib2FuzzTest {
    private static final int CASES = 300;

    /** Parts of at least 64 values, so that malformed data meet part boundaries. */
    private static final DecodePool POOL = DecodePool.create(3, 64);

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2", // 5.3, bitmaps
                "grib2/noaa/eta.grib2", // 5.0, Lambert
                "grib2/pygrib/ds.maxt.bin", // 5.2, Lambert, missing value management
                "grib2/grib-rs/Z__C_RJTD_20160822020000_NOWC_GPV_Ggis10km_Pphw10_FH0000-0100_grib2.bin", // 5.200
                "grib2/grib-rs/Z__C_RJTD_20190605000000_MEPS_GPV_Rjp_L-pall_FH00-15_grib2.bin.0-20.xz", // multi-field
                "grib2/noaa/gdaswave.t00z.wcoast.0p16.f000.grib2", // 5.40 with bitmap
                "grib2/cfgrib/regular_gg_ml_g2.grib", // Gaussian
            })
    void mutatedMessagesFailCleanly(String relative) throws Exception {
        byte[] all = Files.readAllBytes(TestData.file(relative));
        byte[] seed = Arrays.copyOf(
                all, (int) Math.min(all.length, ByteBuffer.wrap(all).getLong(8) * 2));
        Random random = new Random(relative.hashCode());
        List<String> failures = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int c = 0; c < CASES && failures.size() < 5; c++) {
                byte[] mutated = mutate(seed, random);
                Path p = dir.resolve("case" + c + ".grib2");
                Files.write(p, mutated);
                Future<?> run = executor.submit(() -> {
                    openAndDecode(p);
                    return null;
                });
                try {
                    run.get(20, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    failures.add("case " + c + ": no answer within 20 s");
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add("case " + c + ": " + e.getCause());
                }
                Files.delete(p);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(failures)
                .as("mutations of %s that did not fail cleanly", relative)
                .isEmpty();
    }

    private static void openAndDecode(Path p) throws IOException {
        try (Grib2File f = Grib2File.open(p)) {
            for (Field field : f.fields()) {
                float[] sequential = null;
                try {
                    field.info();
                    field.grid();
                    sequential = field.read();
                } catch (DataFormatException expected) {
                    assertThat(expected.getMessage()).startsWith(p.getFileName().toString());
                }
                try {
                    float[] parallel = field.read(POOL);
                    if (sequential != null) {
                        assertThat(parallel).as("%s field %s", p, field).isEqualTo(sequential);
                    }
                } catch (DataFormatException expected) {
                    assertThat(expected.getMessage()).startsWith(p.getFileName().toString());
                }
            }
        } catch (DataFormatException expected) {
            assertThat(expected.getMessage()).startsWith(p.getFileName().toString());
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] m = seed.clone();
        int kind = random.nextInt(5);
        int headerEnd = Math.min(m.length, 400);
        switch (kind) {
            case 0 -> { // flip a few bits anywhere
                for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
                    int i = random.nextInt(m.length);
                    m[i] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // overwrite a 1-, 2- or 4-octet number in the headers with an extreme value
                int i = random.nextInt(headerEnd - 4);
                int v = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> -1;
                    case 2 -> random.nextInt();
                    default -> random.nextInt(256);
                };
                ByteBuffer.wrap(m).putInt(i, v);
            }
            case 2 -> { // random bytes over a header range
                int i = random.nextInt(headerEnd - 8);
                for (int k = 0; k < 8; k++) {
                    m[i + k] = (byte) random.nextInt(256);
                }
            }
            case 3 -> { // truncate
                return Arrays.copyOf(m, random.nextInt(m.length));
            }
            default -> { // garble the data section end
                for (int k = 0; k < 32; k++) {
                    m[m.length - 5 - random.nextInt(Math.min(m.length - 5, 2000))] = (byte) random.nextInt(256);
                }
            }
        }
        return m;
    }
}
