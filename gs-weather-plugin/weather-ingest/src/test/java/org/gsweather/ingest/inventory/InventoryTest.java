package org.gsweather.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.gsweather.field.DataFormatException;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.testing.TestData;
import org.junit.jupiter.api.Test;

class InventoryTest {
    /** The head of a published HRRR sfc inventory (a forecast hour), with an unnamed parameter. */
    private static final String HRRR = """
            1:0:d=2026022800:REFC:entire atmosphere:1 hour fcst:
            2:209383:d=2026022800:RETOP:cloud top:1 hour fcst:
            3:322463:d=2026022800:var discipline=0 center=7 local_table=1 parmcat=16 parm=201:entire atmosphere:1 hour fcst:
            84:59048206:d=2026022800:APCP:surface:0-1 hour acc fcst:
            85:59238420:d=2026022800:NCPCP:surface:0-1 hour acc fcst:
            """;

    @Test
    void parsesPublishedLines() throws DataFormatException {
        Inventory inv = Inventory.parse(HRRR, "hrrr.idx");
        assertThat(inv.entries()).hasSize(5);
        IdxEntry apcp = inv.entries().get(3);
        assertThat(apcp.message()).isEqualTo(84);
        assertThat(apcp.offset()).isEqualTo(59048206L);
        assertThat(apcp.variable()).isEqualTo("APCP");
        assertThat(apcp.level()).isEqualTo("surface");
        assertThat(apcp.forecast()).isEqualTo("0-1 hour acc fcst");
        assertThat(Inventory.referenceTime(apcp)).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(inv.entries().get(2).parameter()).isEqualTo("var0_16_201");
        assertThat(inv.entries().get(0).inspectLevel()).isEqualTo("Entire Atmosphere");
    }

    @Test
    void aMessageEndsBeforeTheNextAndTheLastRunsToTheEnd() throws DataFormatException {
        Inventory inv = Inventory.parse(HRRR, "hrrr.idx");
        assertThat(inv.endOf(0)).isEqualTo(209382L);
        assertThat(inv.endOf(3)).isEqualTo(59238419L);
        assertThat(inv.endOf(4)).isEqualTo(-1L);
    }

    @Test
    void submessagesShareTheirMessagesBytes() throws DataFormatException {
        Inventory inv = Inventory.parse("""
                4:1000:d=2011011012:RH:10 mb:120 hour fcst:
                5.1:2000:d=2011011012:UGRD:10 mb:120 hour fcst:
                5.2:2000:d=2011011012:VGRD:10 mb:120 hour fcst:
                6:3000:d=2011011012:ABSV:10 mb:120 hour fcst:
                """, "gfs.idx");
        assertThat(inv.entries().get(2).message()).isEqualTo(5);
        assertThat(inv.entries().get(2).submessage()).isEqualTo(2);
        assertThat(inv.endOf(1)).isEqualTo(2999L);
        assertThat(inv.endOf(2)).isEqualTo(2999L);
    }

    @Test
    void malformedLinesAreNamed() {
        assertThatThrownBy(() ->
                        Inventory.parse("1:0:d=2026022800:REFC:entire atmosphere:anl:\nnot an inventory\n", "x.idx"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("x.idx line 2: 1 colon-separated columns");
        assertThatThrownBy(() -> Inventory.parse("1:100:d=1:A:surface:anl:\n2:50:d=1:B:surface:anl:\n", "x.idx"))
                .hasMessage("x.idx line 2: byte offset 50 is before the previous line's 100");
        assertThatThrownBy(() -> Inventory.parse("\n\n", "x.idx")).hasMessage("x.idx: empty inventory");
    }

    /** Our inventory of a real file names its messages' offsets as the scanner finds them. */
    @Test
    void writtenInventoryListsEveryFieldAtItsMessageOffset() throws IOException {
        try (Grib2File grib = Grib2File.open(TestData.file("grib2/pygrib/gfs.t12z.pgrbf120.2p5deg.grib2"))) {
            Inventory inv = Inventory.parse(IdxWriter.inventory(grib), "gfs");
            List<Grib2Field> fields = grib.fields();
            assertThat(inv.entries()).hasSize(fields.size());
            IntStream.range(0, fields.size()).forEach(i -> {
                Grib2Field f = fields.get(i);
                IdxEntry e = inv.entries().get(i);
                assertThat(e.offset()).isEqualTo(f.messageOffset());
                assertThat(e.parameter()).isEqualTo(f.info().parameter().shortName());
                assertThat(new FieldSelector(
                                        f.info().parameter().shortName(),
                                        f.info().level().label())
                                .matches(e))
                        .as(e.line())
                        .isTrue();
            });
            assertThat(inv.entries().get(4).line())
                    .isEqualTo("4.2:" + fields.get(4).messageOffset() + ":d=2011011012:VGRD:10 mb:120 hour fcst:");
        }
    }
}
