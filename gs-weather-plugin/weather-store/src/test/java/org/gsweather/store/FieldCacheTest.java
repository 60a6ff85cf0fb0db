package org.gsweather.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gsweather.render.GridValues;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCacheTest {
    @TempDir
    Path dir;

    private static WeatherStore open(Path file, FieldCache cache) throws IOException {
        return WeatherStore.open(StoreSettings.of(file, FileFormat.GRIB2), cache, java.time.Clock.systemUTC(), null);
    }

    @Test
    void aFieldAskedForByManyRequestsAtOnceIsDecodedOnce() throws Exception {
        FieldCache cache = new FieldCache(256 << 20);
        try (WeatherStore store = open(TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2"), cache)) {
            FieldRef ref = store.snapshot().coverage("TMP_SFC").slices().get(0).scalar();
            int n = 8;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<GridValues>> results = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.scalar(ref);
                }));
            }
            start.countDown();
            GridValues first = results.get(0).get();
            for (Future<GridValues> f : results) {
                assertThat(f.get()).isSameAs(first);
            }
            pool.shutdown();
            assertThat(cache.stats().loadCount()).isEqualTo(1);
            assertThat(cache.stats().hitCount() + cache.stats().missCount()).isEqualTo(n);
            assertThat(first.values()).isEqualTo(ref.field().read());
            assertThat(cache.bytes()).isEqualTo(64 + 4L * 1799 * 1059);
        }
    }

    @Test
    void theCacheStaysWithinItsBytes() throws IOException {
        long oneField = 64 + 4L * 93 * 65;
        FieldCache cache = new FieldCache(3 * oneField);
        try (WeatherStore store = open(TestData.file("grib2/noaa/eta.grib2"), cache)) {
            Coverage t = store.snapshot().coverage("TMP_ISBL");
            for (Slice s : t.slices()) {
                cache.scalar(s.scalar());
                assertThat(cache.bytes()).isLessThanOrEqualTo(3 * oneField);
            }
            assertThat(cache.stats().evictionCount())
                    .isGreaterThanOrEqualTo(t.slices().size() - 3);
        }
    }

    @Test
    void aFieldThatCannotBeDecodedFailsWithTheFileNameAndIsNotCached() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.file("grib2/noaa/fh.0012_tl.press_gr.awp211.grb2"));
        int at = 16; // section 1 of message 1
        while (bytes[at + 4] != 7) {
            at += java.nio.ByteBuffer.wrap(bytes, at, 4).getInt();
        }
        int length = java.nio.ByteBuffer.wrap(bytes, at, 4).getInt();
        for (int k = at + 5 + 20; k < at + length - 4; k++) {
            bytes[k] = (byte) 0xa5; // JPEG 2000 code stream garbled after its main header
        }
        Path copy = dir.resolve("nam.grib2");
        Files.write(copy, bytes);
        FieldCache cache = new FieldCache(64 << 20);
        try (WeatherStore store = open(copy, cache)) {
            FieldRef ref =
                    store.snapshot().coverage("MSLET_MSL").slices().get(0).scalar();
            assertThatThrownBy(() -> cache.scalar(ref))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("nam.grib2: ");
            assertThat(cache.entries()).isZero();
            FieldRef other =
                    store.snapshot().coverage("PRMSL_MSL").slices().get(0).scalar();
            assertThat(cache.scalar(other).values()).isEqualTo(other.field().read());
        }
    }
}
