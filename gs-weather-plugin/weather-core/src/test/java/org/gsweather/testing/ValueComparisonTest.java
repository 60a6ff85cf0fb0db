package org.gsweather.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gsweather.field.Missing;
import org.gsweather.field.MissingCode;
import org.junit.jupiter.api.Test;

/** The comparison every reference test relies on fails on one wrong value or one wrong missing point. */
class ValueComparisonTest {
    private static final float[] REFERENCE = {1f, 2f, ValueComparison.WGRIB2_MISSING, 4f, Float.NaN};
    private static final List<MissingCode> MRMS = List.of(new MissingCode(-999f, "no coverage"));

    @Test
    void equalValuesWithinToleranceAndTheSameMissingPointsPass() {
        float[] ours = {1.04f, 2f, Missing.VALUE, 3.96f, Missing.SECONDARY};
        assertThatCode(() -> ValueComparison.assertSameValues("ok", REFERENCE, ours, 0.05, List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void oneValueBeyondTheToleranceFails() {
        float[] ours = {1f, 2f, Missing.VALUE, 4.06f, Missing.VALUE};
        assertThatThrownBy(() -> ValueComparison.assertSameValues("one off", REFERENCE, ours, 0.05, List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of 5 values differ")
                .hasMessageContaining("value 3");
    }

    @Test
    void aValueWhereTheReferenceIsMissingFails() {
        float[] ours = {1f, 2f, 3f, 4f, Missing.VALUE};
        assertThatThrownBy(() -> ValueComparison.assertSameValues("mask", REFERENCE, ours, 0.05, List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reference missing, ours 3.0");
    }

    @Test
    void aMissingPointWhereTheReferenceHasAValueFails() {
        float[] ours = {Missing.VALUE, 2f, Missing.VALUE, 4f, Missing.VALUE};
        assertThatThrownBy(() -> ValueComparison.assertSameValues("mask", REFERENCE, ours, 0.05, List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ours missing, reference 1.0");
    }

    @Test
    void anInBandCodeMustStandWhereTheReferenceHasItsValue() {
        float[] reference = {-999f, 5f};
        assertThatCode(() -> ValueComparison.assertSameValues(
                        "code", reference, new float[] {Missing.inBand(0), 5f}, 0, MRMS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() ->
                        ValueComparison.assertSameValues("code", reference, new float[] {Missing.VALUE, 5f}, 0, MRMS))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ValueComparison.assertSameValues(
                        "code", new float[] {5f, 5f}, new float[] {Missing.inBand(0), 5f}, 0, MRMS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("in-band");
    }

    @Test
    void differentLengthsFail() {
        assertThatThrownBy(() -> ValueComparison.assertSameValues("length", REFERENCE, new float[4], 0, List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("4 values, reference has 5");
    }
}
