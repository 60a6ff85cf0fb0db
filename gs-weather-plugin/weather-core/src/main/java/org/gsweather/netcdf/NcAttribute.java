package org.gsweather.netcdf;

import java.util.Arrays;

/**
 * An attribute of a variable or of the file: text, or numbers as the file stores them (integers of
 * unsigned types already unsigned; {@code _Unsigned} reinterpretation is left to {@link Unpacking}).
 *
 * @param text the value of a text attribute, {@code null} for a numeric one
 * @param numbers the values of a numeric attribute, {@code null} for a text one
 */
record NcAttribute(String name, NcType type, String text, double[] numbers) {

    static NcAttribute text(String name, String value) {
        return new NcAttribute(name, NcType.CHAR, value, null);
    }

    static NcAttribute numbers(String name, NcType type, double[] values) {
        return new NcAttribute(name, type, null, values);
    }

    boolean isText() {
        return text != null;
    }

    int length() {
        return isText() ? 1 : numbers.length;
    }

    /** The first number, or NaN for a text or empty attribute. */
    double number() {
        return numbers != null && numbers.length > 0 ? numbers[0] : Double.NaN;
    }

    /** The value as text: the text, or the numbers separated by commas. */
    String asText() {
        if (isText()) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        for (double v : numbers) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NcAttribute a
                && a.name.equals(name)
                && a.type == type
                && java.util.Objects.equals(a.text, text)
                && Arrays.equals(a.numbers, numbers);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + (text != null ? text.hashCode() : Arrays.hashCode(numbers));
    }

    @Override
    public String toString() {
        return name + " = " + (isText() ? '"' + text + '"' : asText());
    }
}
