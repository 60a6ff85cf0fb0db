package org.gsweather.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gsweather.field.DataFormatException;
import org.gsweather.ingest.inventory.ByteRangePlan.Segment;
import org.junit.jupiter.api.Test;

class ByteRangePlanTest {
    private static Inventory inventory() throws DataFormatException {
        return Inventory.parse("""
                1:0:d=2024010100:A:surface:anl:
                2:100:d=2024010100:B:surface:anl:
                3:250:d=2024010100:C:surface:anl:
                4.1:400:d=2024010100:U:10 m above ground:anl:
                4.2:400:d=2024010100:V:10 m above ground:anl:
                5:600:d=2024010100:D:surface:anl:
                6:1000:d=2024010100:E:surface:anl:
                """, "t.idx");
    }

    @Test
    void adjacentMessagesAreOneRequest() throws DataFormatException {
        ByteRangePlan plan = ByteRangePlan.of(inventory(), List.of(1, 2), 0);
        assertThat(plan.requests()).hasSize(1);
        assertThat(plan.requests().get(0).rangeHeader()).isEqualTo("bytes=100-399");
        assertThat(plan.keptBytes()).isEqualTo(300);
    }

    @Test
    void separatedMessagesAreSeparateRequestsUnlessTheGapIsSmall() throws DataFormatException {
        ByteRangePlan apart = ByteRangePlan.of(inventory(), List.of(0, 2), 0);
        assertThat(apart.requests())
                .extracting(ByteRangePlan.Request::rangeHeader)
                .containsExactly("bytes=0-99", "bytes=250-399");
        ByteRangePlan joined = ByteRangePlan.of(inventory(), List.of(0, 2), 150);
        assertThat(joined.requests()).hasSize(1);
        assertThat(joined.requests().get(0).rangeHeader()).isEqualTo("bytes=0-399");
        assertThat(joined.requests().get(0).keep()).containsExactly(new Segment(0, 99), new Segment(250, 399));
        assertThat(joined.keptBytes()).isEqualTo(250);
        assertThat(joined.requestedBytes()).isEqualTo(400);
    }

    @Test
    void aSubmessageBringsItsWholeMessage() throws DataFormatException {
        ByteRangePlan plan = ByteRangePlan.of(inventory(), List.of(4), 0);
        assertThat(plan.requests().get(0).rangeHeader()).isEqualTo("bytes=400-599");
    }

    @Test
    void theLastMessageRunsToTheEndOfTheFile() throws DataFormatException {
        ByteRangePlan plan = ByteRangePlan.of(inventory(), List.of(5, 6), 0);
        assertThat(plan.requests()).hasSize(1);
        assertThat(plan.requests().get(0).rangeHeader()).isEqualTo("bytes=600-");
        assertThat(plan.keptBytes()).isEqualTo(-1);
    }
}
