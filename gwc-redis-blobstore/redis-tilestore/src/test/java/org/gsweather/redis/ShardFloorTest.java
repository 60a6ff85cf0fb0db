package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShardFloorTest {
    private static byte[] floor(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theFloorGenerationIsTheLeadingNumber() {
        assertThat(ShardFloor.generation(floor("1"))).isEqualTo(1);
        assertThat(ShardFloor.generation(floor("4711,3,12"))).isEqualTo(4711);
    }

    @Test
    void aValueThatIsNoFloorHasNoGeneration() {
        assertThat(ShardFloor.generation(floor(""))).isEqualTo(-1);
        assertThat(ShardFloor.generation(floor(",3"))).isEqualTo(-1);
        assertThat(ShardFloor.generation(floor("x1"))).isEqualTo(-1);
        assertThat(ShardFloor.generation(floor("1234567890123456789"))).isEqualTo(-1);
    }

    @Test
    void listsExactlyTheZoomLevelsWithTombstones() {
        byte[] f = floor("7,3,12");

        assertThat(ShardFloor.listsZoom(f, 3)).isTrue();
        assertThat(ShardFloor.listsZoom(f, 12)).isTrue();
        assertThat(ShardFloor.listsZoom(f, 1)).isFalse();
        assertThat(ShardFloor.listsZoom(f, 7)).isFalse();
        assertThat(ShardFloor.listsZoom(floor("7"), 7)).isFalse();
    }

    @Test
    void anUnreadableZoomListListsEveryZoom() {
        assertThat(ShardFloor.listsZoom(floor("7,x"), 3)).isTrue();
        assertThat(ShardFloor.listsZoom(floor("7,"), 3)).isTrue();
        assertThat(ShardFloor.listsZoom(floor("7,1234567890"), 3)).isTrue();
    }
}
