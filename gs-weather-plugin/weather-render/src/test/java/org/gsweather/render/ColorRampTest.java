package org.gsweather.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColorRampTest {

    private static ColorRamp ramp(String style, String dataUnits) {
        return ColorRamp.of((RampStyle) StyleParser.parse(style).get(0), dataUnits);
    }

    @Test
    void kelvinDataOnACelsiusRampTakesTheBandOfTheConvertedValue() {
        ColorRamp r = ramp("ramp:temperature,min=-40,max=40,units=degC,steps=80", "K");
        // 80 bands of 1 degC: 0.5 degC = 273.65 K lies in band 40 (palette index 42)
        assertThat(r.classify(273.65f)).isEqualTo(42);
        assertThat(r.classify(273.14f)).isEqualTo(41);
        assertThat(r.classify(233.14f)).isEqualTo(ColorRamp.BELOW);
        assertThat(r.classify(313.2f)).isEqualTo(r.above());
        assertThat(r.classify(Float.NaN)).isEqualTo(ColorRamp.MISSING);
    }

    @Test
    void fahrenheitAndKnotsAndMillimetresPerHourAndHectopascalsConvert() {
        assertThat(Units.conversion("K", "degF")[0] * 300 + Units.conversion("K", "degF")[1])
                .isCloseTo(80.33, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Units.conversion("m/s", "kt")[0]).isCloseTo(1.943844, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Units.conversion("m/s", "km/h")[0]).isCloseTo(3.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Units.conversion("kg/(m^2 s)", "mm/h")[0]).isEqualTo(3600);
        assertThat(Units.conversion("Pa", "hPa")[0]).isEqualTo(0.01);
        assertThatThrownBy(() -> Units.conversion("K", "kt"))
                .isInstanceOf(StyleException.class)
                .hasMessageContaining("cannot convert 'K' (temperature) to 'kt' (speed)");
    }

    @Test
    void udunitsSpellingsOfCfFilesConvert() {
        // the NCEP reanalysis air.nc says "degK"; other CF files write degree_Celsius, deg_F
        assertThat(Units.conversion("degK", "degC")).containsExactly(1, -273.15);
        assertThat(Units.conversion("degree_Celsius", "K")).containsExactly(1, 273.15);
        assertThat(Units.conversion("degrees_K", "deg_F")[0] * 273.15 + Units.conversion("degrees_K", "deg_F")[1])
                .isCloseTo(32, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void tableClassificationEqualsBinarySearchEverywhereIncludingThresholds() {
        ColorRamp r = ramp("ramp:temperature,min=-40,max=40,units=degC,log=false", "K");
        ColorRamp log = ramp("ramp:precipitation-rate", "kg m-2 s-1");
        Random random = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            float v = 220 + 110 * random.nextFloat();
            assertThat(r.classify(v)).isEqualTo(searchOf(r, v));
            float p = (float) Math.pow(10, -6 + 5 * random.nextDouble());
            assertThat(log.classify(p)).isEqualTo(searchOf(log, p));
        }
    }

    /** The band by a plain scan of the thresholds, converted as the ramp converts them. */
    private static int searchOf(ColorRamp r, float v) {
        double[] t = r.displayThresholds();
        double[] c = Units.conversion(r.dataUnits(), r.units());
        int band = ColorRamp.BELOW;
        for (int k = 0; k < t.length; k++) {
            if (v >= (t[k] - c[1]) / c[0]) {
                band = k + 2;
            }
        }
        return band;
    }

    @Test
    void nwsReflectivityIsTransparentBelowFiveDbzAndSteppedByFive() {
        ColorRamp r = ramp("ramp:reflectivity", "dB");
        assertThat(r.color(4.99f) >>> 24).isZero();
        assertThat(Argb.format(r.color(5f))).isEqualTo("#04e9e7ff");
        assertThat(Argb.format(r.color(42.5f))).isEqualTo("#e5bc00ff");
        assertThat(Argb.format(r.color(74.9f))).isEqualTo("#9854c6ff");
        assertThat(Argb.format(r.color(75f))).isEqualTo("#fdfdfdff");
        assertThat(Argb.format(r.color(95f))).isEqualTo("#fdfdfdff");
    }

    @Test
    void logScaleSpacesBandsEvenlyInLogValue() {
        ColorRamp r = ramp("ramp:gray,min=0.1,max=1000,log,steps=4", "mm/h");
        assertThat(r.displayThresholds()).containsExactly(0.1, 1, 10, 100, 1000);
        assertThatThrownBy(() -> ramp("ramp:gray,min=0,max=10,log", "mm/h"))
                .hasMessageContaining("log scale needs min > 0");
    }

    @Test
    void opacityAndEdgeColorsApply() {
        ColorRamp r = ramp("ramp:temperature,units=degC,below=#0000ff,above=transparent,opacity=0.5", "degC");
        assertThat(Argb.format(r.color(-50f))).isEqualTo("#0000ff80");
        assertThat(r.color(50f)).isZero();
    }

    @Test
    void sldColorMapIntervalsColorTheValuesBelowEachQuantity() {
        Palette p = Palette.fromSld("sld", "mm", """
                <ColorMap type="intervals">
                  <ColorMapEntry color="#ffffff" quantity="1" opacity="0"/>
                  <ColorMapEntry color="#00ff00" quantity="10"/>
                  <ColorMapEntry color="#0000ff" quantity="50" label="lots"/>
                </ColorMap>""");
        assertThat(p.stepped()).isTrue();
        assertThat(p.values()).containsExactly(1, 10);
        ColorRamp r = ColorRamp.of(
                new RampStyle(
                        p,
                        Double.NaN,
                        50,
                        null,
                        1,
                        false,
                        EdgeColor.TRANSPARENT,
                        EdgeColor.TRANSPARENT,
                        0,
                        1,
                        Sampling.NEAREST,
                        false),
                "mm");
        assertThat(Argb.format(r.color(5f))).isEqualTo("#00ff00ff");
        assertThat(Argb.format(r.color(20f))).isEqualTo("#0000ffff");
        assertThat(r.color(0.5f)).isZero();
        assertThat(r.color(60f)).isZero();
    }

    @Test
    void cptContinuousAndSteppedTables() {
        Palette smooth =
                Palette.fromCpt("t", "K", "# GMT\n0 0 0 0 10 255 255 255\n10 255 255 255 20 255 0 0\nB 0 0 0\n");
        assertThat(smooth.stepped()).isFalse();
        assertThat(smooth.values()).containsExactly(0, 10, 20);
        Palette steps = Palette.fromCpt("s", "mm", "0 0/0/255 5 0/0/255\n5 #00ff00 10 #00ff00\n");
        assertThat(steps.stepped()).isTrue();
        assertThat(steps.values()).containsExactly(0, 5, 10);
        assertThatThrownBy(() -> Palette.fromCpt("bad", "mm", "0 red 1 blue\n")).hasMessageContaining("line 1");
    }

    @Test
    void autoRangeIsTheWholeFieldsRangeInTheDisplayUnits() throws Exception {
        try (var f = org.gsweather.FieldFiles.open(
                org.gsweather.testing.TestData.file("grib2/noaa/hrrr.t06z.wrfsfcf01-TMP.grib2"))) {
            GridValues t = GridValues.read(f.fields().get(0));
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (float v : t.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            RampStyle auto = (RampStyle) StyleParser.parse("ramp:temperature,units=degC,min=auto,max=auto")
                    .get(0);
            double[] d = ColorRamp.of(auto, t).displayThresholds();
            assertThat(d[0]).isCloseTo(lo - 273.15, org.assertj.core.api.Assertions.within(1e-3));
            assertThat(d[d.length - 1]).isCloseTo(hi - 273.15, org.assertj.core.api.Assertions.within(1e-3));

            RampStyle gray = (RampStyle) StyleParser.parse("ramp:gray").get(0);
            assertThat(gray.autoRange())
                    .as("unitless palettes take the field's range")
                    .isTrue();
            double[] g = ColorRamp.of(gray, t).displayThresholds();
            assertThat(g[0]).isCloseTo(lo, org.assertj.core.api.Assertions.within(1e-3));
            assertThat(g[g.length - 1]).isCloseTo(hi, org.assertj.core.api.Assertions.within(1e-3));

            RampStyle fixed =
                    (RampStyle) StyleParser.parse("ramp:gray,min=250,max=300").get(0);
            assertThat(fixed.autoRange()).isFalse();
            assertThat(ColorRamp.of(fixed, t).displayThresholds()[0]).isEqualTo(250);
        }
    }
}
