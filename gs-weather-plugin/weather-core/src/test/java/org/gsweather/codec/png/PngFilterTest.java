package org.gsweather.codec.png;

import org.gsweather.testing.TestPng;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rewritten Paeth predictors against the specification's on all 2^24 inputs. */
class PngFilterTest {

    /**
     * For each above {@code b} and upper left {@code c}, one Paeth row of 512 pixels whose even pixels
     * reconstruct to 0..255, so that each odd pixel (filtered value 0) is the predictor of left a =
     * 0..255, b and c. Steps 1 and 2 use the branching predictor, 3 and 4 the branch-free one.
     */
    @ParameterizedTest(name = "step {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void paethOnAllInputs(int step) {
        int n = 512 * step;
        byte[] row = new byte[n + 1];
        byte[] prev = new byte[n + 1];
        for (int b = 0; b < 256; b++) {
            for (int c = 0; c < 256; c++) {
                row[0] = PngFilter.PAETH;
                int left = 0;
                int upperLeft = 0;
                for (int p = 0; p < 512; p++) {
                    int up = p % 2 == 0 ? c : b;
                    int value = p % 2 == 0 ? p / 2 : TestPng.paeth(p / 2, b, c);
                    for (int lane = 0; lane < step; lane++) {
                        prev[1 + p * step + lane] = (byte) up;
                        row[1 + p * step + lane] = (byte) (value - TestPng.paeth(left, up, upperLeft));
                    }
                    left = value;
                    upperLeft = up;
                }
                PngFilter.undo(row, prev, n, step);
                for (int k = 0; k < 256; k++) {
                    for (int lane = 0; lane < step; lane++) {
                        int i = 1 + (2 * k + 1) * step + lane;
                        if ((row[i] & 0xff) != TestPng.paeth(k, b, c)) {
                            Assertions.fail("step " + step + ": Paeth(" + k + ", " + b + ", " + c + ") = "
                                    + (row[i] & 0xff) + " instead of " + TestPng.paeth(k, b, c));
                        }
                    }
                }
            }
        }
    }
}
