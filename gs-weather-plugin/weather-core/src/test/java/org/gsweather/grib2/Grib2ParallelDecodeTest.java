package org.gsweather.grib2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gsweather.field.DecodePool;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every field of every GRIB2 test file decoded with the help of pools gives the values of the
 * single-threaded decode bit for bit, missing values' NaN payloads included, or fails with the same
 * error. The pools split even small fields into parts of a few values, so that parts end and start
 * everywhere in groups, code-blocks, rows and bitmaps ({@link Grib2ReferenceTest} compares the
 * parallel decode with ecCodes and wgrib2 as well).
 */
class Grib2ParallelDecodeTest {
    private static final List<DecodePool> POOLS = List.of(
            DecodePool.create(2, 1), DecodePool.create(3, 97), DecodePool.create(4, 5000), DecodePool.create(2));

    @AfterAll
    static void closePools() {
        POOLS.forEach(DecodePool::close);
    }

    @TestFactory
    Stream<DynamicTest> parallelDecodesGiveTheSequentialValues() {
        Path root = TestData.root();
        List<DynamicTest> tests = new ArrayList<>();
        for (String relative : Grib2ReferenceTest.gribFiles(root)) {
            tests.add(DynamicTest.dynamicTest(relative, () -> compare(relative)));
        }
        return tests.stream();
    }

    private static void compare(String relative) throws IOException {
        try (Grib2File file = Grib2File.open(TestData.file(relative))) {
            for (Grib2Field field : file.fields()) {
                float[] sequential;
                try {
                    sequential = field.read();
                } catch (IOException e) {
                    for (DecodePool pool : POOLS) {
                        assertThatThrownBy(() -> field.read(pool))
                                .as("%s field %d", relative, field.number())
                                .isInstanceOf(e.getClass())
                                .hasMessage(e.getMessage());
                    }
                    continue;
                }
                for (DecodePool pool : POOLS) {
                    assertSameBits(
                            sequential,
                            field.read(pool),
                            relative + " field " + field.number() + " (" + field.packingDescription() + ", parallelism "
                                    + pool.parallelism() + ")");
                }
            }
        }
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                fail(what + ": value " + i + " of " + expected.length + " is " + actual[i] + " (bits "
                        + Integer.toHexString(Float.floatToRawIntBits(actual[i])) + "), the sequential decode "
                        + expected[i] + " (bits " + Integer.toHexString(Float.floatToRawIntBits(expected[i])) + ")");
            }
        }
    }
}
