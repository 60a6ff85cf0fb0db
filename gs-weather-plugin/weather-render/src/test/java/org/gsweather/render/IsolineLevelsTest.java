package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IsolineLevelsTest {

    @Test
    void levelsFollowIntervalAndBaseInDisplayUnits() {
        IsolineStyle s = (IsolineStyle)
                StyleParser.parse("isolines:interval=4,base=2,units=hPa").get(0);
        assertThat(IsolineLayer.levels(s, 993.5, 1010)).containsExactly(994, 998, 1002, 1006, 1010);
        IsolineStyle explicit =
                (IsolineStyle) StyleParser.parse("isolines:levels=0;-10;10.5").get(0);
        assertThat(IsolineLayer.levels(explicit, -50, 50)).containsExactly(-10, 0, 10.5);
        assertThat(IsolineLayer.label(1012, s, "hPa")).isEqualTo("1012");
        IsolineStyle withUnits = (IsolineStyle)
                StyleParser.parse("isolines:interval=2,units=degC,labelunits").get(0);
        assertThat(IsolineLayer.label(-4, withUnits, "degC")).isEqualTo("-4 °C");
        assertThat(IsolineLayer.label(0.25, withUnits, "degC")).isEqualTo("0.25 °C");
    }

    @Test
    void filledBandsColorEachPixelByTheBandOfItsValue() {
        GridValues mslp = Sources.field(Sources.ETA, "PRMSL", "");
        View view = TileMatrixSet.WEB_MERCATOR_QUAD.tile(4, 3, 5, 256);
        TileRenderer r = new TileRenderer();
        int[] px = r.render(
                        FieldSource.of(mslp),
                        StyleParser.parse("isolines:interval=8,units=hPa,fill=gray,fillmin=960,fillmax=1040,nolabels"),
                        view)
                .pixels();
        float[] values = r.sample(mslp, Sampling.BILINEAR, view).clone();
        int checked = 0;
        int gray = 0;
        for (int k = 0; k < px.length; k += 97) {
            float hPa = values[k] / 100;
            double distance = Math.abs(hPa / 8 - Math.rint(hPa / 8)) * 8; // from the nearest level
            if (hPa != hPa || distance < 0.5) {
                continue; // missing, or near a line
            }
            // the gray palette spans the levels present: brighter for higher bands, never transparent
            assertThat(px[k] >>> 24).isEqualTo(255);
            assertThat((px[k] & 0xff) == ((px[k] >> 8) & 0xff)).isTrue();
            gray++;
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
        // higher pressure is a brighter band
        int lowK = -1, highK = -1;
        for (int k = 0; k < values.length; k++) {
            if (values[k] == values[k] && (lowK < 0 || values[k] < values[lowK])) {
                lowK = k;
            }
            if (values[k] == values[k] && (highK < 0 || values[k] > values[highK])) {
                highK = k;
            }
        }
        assertThat(px[highK] & 0xff).isGreaterThan(px[lowK] & 0xff);
        assertThat(gray).isPositive();
        assertThat(List.of(px[lowK] >>> 24, px[highK] >>> 24)).containsOnly(255);
    }
}
