package org.gsweather.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colors attached to values: {@code values} ascending (equal neighbours make a jump), {@code colors}
 * ARGB. A continuous palette interpolates between stops; a stepped one gives each stop's color to the
 * values from that stop up to the next.
 *
 * @param units units of {@code values}, e.g. {@code degC}
 * @param title human name for legends
 */
public record Palette(String name, String title, String units, boolean stepped, double[] values, int[] colors) {

    public Palette {
        if (values.length != colors.length || values.length < 2) {
            throw new StyleException("palette " + name + " needs at least two stops, one color per value");
        }
        for (int k = 1; k < values.length; k++) {
            if (!(values[k] >= values[k - 1])) {
                throw new StyleException(
                        "palette " + name + ": values must ascend, but " + values[k] + " follows " + values[k - 1]);
            }
        }
        values = values.clone();
        colors = colors.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public int[] colors() {
        return colors.clone();
    }

    /** Whether the palette is unitless ({@code 1}): its values then take the units of the style or field. */
    boolean generic() {
        return units.equals("1") || units.isEmpty();
    }

    int size() {
        return values.length;
    }

    double value(int k) {
        return values[k];
    }

    int color(int k) {
        return colors[k];
    }

    double first() {
        return values[0];
    }

    double last() {
        return values[values.length - 1];
    }

    /** The interpolated color at a value of this palette's range (clamped to its ends). */
    int colorAt(double v) {
        int n = values.length;
        if (v <= values[0]) {
            return colors[0];
        }
        if (v >= values[n - 1]) {
            return colors[n - 1];
        }
        int k = 0;
        while (values[k + 1] <= v) {
            k++;
        }
        if (stepped) {
            return colors[k];
        }
        double t = (v - values[k]) / (values[k + 1] - values[k]);
        return Argb.mix(colors[k], colors[k + 1], t);
    }

    /** The same colors with values converted: {@code v * scale + offset}. */
    Palette converted(String toUnits, double scale, double offset) {
        double[] v = new double[values.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = values[k] * scale + offset;
        }
        return new Palette(name, title, toUnits, stepped, v, colors);
    }

    private static final Pattern ENTRY = Pattern.compile("<(?:\\w+:)?ColorMapEntry\\b([^>]*)/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern TYPE = Pattern.compile("<(?:\\w+:)?ColorMap\\b[^>]*type\\s*=\\s*[\"'](\\w+)[\"']");

    /**
     * A palette from SLD {@code ColorMapEntry} elements (a whole SLD, a {@code ColorMap} or bare entries).
     * {@code type="intervals"} gives each entry's color to the values below its quantity down to the
     * previous one, as GeoServer does; {@code ramp} (the default) interpolates; {@code values} is read as
     * intervals starting at each quantity.
     */
    public static Palette fromSld(String name, String units, String sld) {
        Matcher tm = TYPE.matcher(sld);
        String type = tm.find() ? tm.group(1).toLowerCase(Locale.ROOT) : "ramp";
        List<double[]> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(sld);
        while (m.find()) {
            String color = null;
            double quantity = Double.NaN;
            double opacity = 1;
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                switch (a.group(1).toLowerCase(Locale.ROOT)) {
                    case "color" -> color = a.group(2);
                    case "quantity" -> quantity = number(name, "quantity", a.group(2));
                    case "opacity" -> opacity = number(name, "opacity", a.group(2));
                    default -> {}
                }
            }
            if (color == null || Double.isNaN(quantity)) {
                throw new StyleException("palette " + name + ": ColorMapEntry "
                        + m.group().strip() + " needs color and quantity attributes");
            }
            int argb = Argb.withOpacity(Argb.parse(color), opacity);
            entries.add(new double[] {quantity, argb});
        }
        if (entries.size() < 2) {
            throw new StyleException("palette " + name + ": an SLD ColorMap needs at least two ColorMapEntry elements");
        }
        int n = entries.size();
        double[] v = new double[n];
        int[] c = new int[n];
        for (int k = 0; k < n; k++) {
            v[k] = entries.get(k)[0];
            c[k] = (int) entries.get(k)[1];
        }
        if (type.equals("intervals")) {
            // entry k colors [q(k-1), q(k)); the first entry's values below q(0) become "below"
            double[] sv = Arrays.copyOf(v, n - 1);
            int[] sc = Arrays.copyOfRange(c, 1, n);
            if (sv.length < 2) {
                throw new StyleException("palette " + name + ": intervals need at least three ColorMapEntry elements");
            }
            return new Palette(name, name, units, true, sv, sc);
        }
        return new Palette(name, name, units, type.equals("values"), v, c);
    }

    /**
     * A palette from a GMT color palette table: lines {@code z0 color0 z1 color1} with colors as {@code r
     * g b}, {@code r/g/b}, {@code #rrggbb} or {@code -} (transparent); {@code B}, {@code F}, {@code N}
     * lines and comments are skipped. Stepped when every slice has one color.
     */
    public static Palette fromCpt(String name, String units, String text) {
        List<Double> v = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        boolean stepped = true;
        int lineNumber = 0;
        for (String raw : text.split("\n")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.matches("^[BFN]\\s.*")) {
                continue;
            }
            String[] t = line.replace('/', ' ').split("\\s+");
            double[] z = new double[2];
            int[] col = new int[2];
            int p = 0;
            try {
                for (int s = 0; s < 2; s++) {
                    z[s] = Double.parseDouble(t[p++]);
                    if (t[p].startsWith("#") || t[p].equals("-")) {
                        col[s] = t[p].equals("-") ? 0 : Argb.parse(t[p]);
                        p++;
                    } else {
                        col[s] = Argb.rgb(
                                Integer.parseInt(t[p]), Integer.parseInt(t[p + 1]), Integer.parseInt(t[p + 2]));
                        p += 3;
                    }
                }
            } catch (RuntimeException e) {
                throw new StyleException(
                        "palette " + name + " line " + lineNumber + ": '" + line + "' is not 'z0 r g b z1 r g b'");
            }
            if (col[0] != col[1]) {
                stepped = false;
            }
            if (v.isEmpty() || v.get(v.size() - 1) != z[0] || c.get(c.size() - 1) != col[0]) {
                v.add(z[0]);
                c.add(col[0]);
            }
            v.add(z[1]);
            c.add(col[1]);
        }
        if (stepped) { // slice k: [z0, z1) in one color; drop the repeated end points
            List<Double> sv = new ArrayList<>();
            List<Integer> sc = new ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
                if (k == 0 || !v.get(k).equals(v.get(k - 1))) {
                    sv.add(v.get(k));
                    sc.add(c.get(k));
                }
            }
            v = sv;
            c = sc;
        }
        double[] va = v.stream().mapToDouble(Double::doubleValue).toArray();
        int[] ca = c.stream().mapToInt(Integer::intValue).toArray();
        return new Palette(name, name, units, stepped, va, ca);
    }

    /** A CPT ({@code .cpt}) or SLD ({@code .sld}, {@code .xml}) file; the name is the file name. */
    public static Palette fromFile(Path file, String units) throws IOException {
        String text = Files.readString(file);
        String name = file.getFileName().toString();
        return text.contains("ColorMapEntry") ? fromSld(name, units, text) : fromCpt(name, units, text);
    }

    private static double number(String palette, String what, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new StyleException("palette " + palette + ": " + what + "='" + s + "' is not a number");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Palette p
                && p.name.equals(name)
                && p.units.equals(units)
                && p.stepped == stepped
                && Arrays.equals(p.values, values)
                && Arrays.equals(p.colors, colors);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Palette[" + name + ", " + units + (stepped ? ", stepped" : "") + ", " + values.length + " stops]";
    }
}
