package org.gsweather.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeStepsAndRingTest {
    private static final List<String> HOURS = List.of(
            "2026-06-01T00:00:00.000Z",
            "2026-06-01T01:00:00.000Z",
            "2026-06-01T02:00:00.000Z",
            "2026-06-01T03:00:00.000Z");

    @Test
    void nextFramesWrapAroundAndUnknownTimesHaveNone() {
        assertThat(TimeSteps.after(HOURS, HOURS.get(1), 2)).containsExactly(HOURS.get(2), HOURS.get(3));
        assertThat(TimeSteps.after(HOURS, HOURS.get(3), 2)).containsExactly(HOURS.get(0), HOURS.get(1));
        assertThat(TimeSteps.after(HOURS, HOURS.get(0), 10))
                .as("never the current frame again")
                .containsExactly(HOURS.get(1), HOURS.get(2), HOURS.get(3));
        assertThat(TimeSteps.after(HOURS, "2026-06-02T00:00:00.000Z", 2)).isEmpty();
        assertThat(TimeSteps.after(null, HOURS.get(0), 2)).isEmpty();
        assertThat(TimeSteps.after(HOURS, HOURS.get(0), 0)).isEmpty();
    }

    @Test
    void ringInsideAMetatileHasNoOtherMetatile() {
        long[] world = {0, 0, 63, 63};
        assertThat(MetatileRing.around(5, 5, 6, 4, 4, world)).isEmpty();
    }

    @Test
    void ringAtACornerReachesThreeMetatilesAndAtAnEdgeOne() {
        long[] world = {0, 0, 63, 63};
        assertThat(MetatileRing.around(7, 7, 6, 4, 4, world))
                .containsExactly(new long[] {8, 6, 6}, new long[] {6, 8, 6}, new long[] {8, 8, 6});
        assertThat(MetatileRing.around(4, 5, 6, 4, 4, world)).containsExactly(new long[] {3, 4, 6});
    }

    @Test
    void ringStopsAtTheCoverage() {
        long[] conus = {8, 20, 15, 27};
        assertThat(MetatileRing.around(8, 20, 6, 4, 4, conus)).isEmpty();
        assertThat(MetatileRing.around(11, 23, 6, 4, 4, conus))
                .containsExactly(new long[] {12, 22, 6}, new long[] {10, 24, 6}, new long[] {12, 24, 6});
    }
}
