package org.gsweather.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.testing.Tools;

/**
 * The GOES-R ABI fixed grid of a real NetCDF file, read with {@code ncdump}: the {@code
 * goes_imager_projection} attributes and the packed x/y scan angles with their CF {@code
 * scale_factor}/{@code add_offset} (float attributes, applied in double as CF readers do).
 */
final class GoesFixedGrid {
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*(\\w+):(\\w+) = (.*) ;$", Pattern.MULTILINE);

    final double perspectivePointHeight;
    final double semiMajorAxis;
    final double semiMinorAxis;
    final double longitudeOfProjectionOrigin;
    final String sweepAngleAxis;
    /** Scan angles of the columns and rows, radians. */
    final double[] x;

    final double[] y;

    private GoesFixedGrid(Map<String, String> attributes, int[] packedX, int[] packedY) {
        perspectivePointHeight = number(attributes.get("goes_imager_projection:perspective_point_height"));
        semiMajorAxis = number(attributes.get("goes_imager_projection:semi_major_axis"));
        semiMinorAxis = number(attributes.get("goes_imager_projection:semi_minor_axis"));
        longitudeOfProjectionOrigin = number(attributes.get("goes_imager_projection:longitude_of_projection_origin"));
        sweepAngleAxis =
                attributes.get("goes_imager_projection:sweep_angle_axis").replace("\"", "");
        x = unpack(packedX, attributes.get("x:scale_factor"), attributes.get("x:add_offset"));
        y = unpack(packedY, attributes.get("y:scale_factor"), attributes.get("y:add_offset"));
    }

    static GoesFixedGrid read(Path file) {
        Tools.require("ncdump");
        String header = Tools.run(List.of("ncdump", "-h", file.toString()));
        Map<String, String> attributes = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(header);
        while (m.find()) {
            attributes.put(m.group(1) + ":" + m.group(2), m.group(3).trim());
        }
        assertThat(attributes.get("goes_imager_projection:grid_mapping_name")).isEqualTo("\"geostationary\"");
        String data = Tools.run(List.of("ncdump", "-v", "x,y", file.toString()));
        return new GoesFixedGrid(attributes, values(data, "x"), values(data, "y"));
    }

    /** The projection these attributes define (CF: perspective_point_height is above the ellipsoid). */
    Geostationary projection() {
        return new Geostationary(
                new Ellipsoid(semiMajorAxis, semiMinorAxis),
                perspectivePointHeight,
                longitudeOfProjectionOrigin,
                sweepAngleAxis.equals("x"));
    }

    private static int[] values(String ncdump, String variable) {
        Matcher m = Pattern.compile("\\n " + variable + " = ([^;]*);").matcher(ncdump);
        assertThat(m.find()).as("data of " + variable).isTrue();
        String[] fields = m.group(1).trim().split("[,\\s]+");
        int[] values = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = Integer.parseInt(fields[i]);
        }
        return values;
    }

    private static double[] unpack(int[] packed, String scaleFactor, String addOffset) {
        double scale = (float) number(scaleFactor);
        double offset = (float) number(addOffset);
        double[] unpacked = new double[packed.length];
        for (int i = 0; i < packed.length; i++) {
            unpacked[i] = packed[i] * scale + offset;
        }
        return unpacked;
    }

    /** A CDL number: {@code 35786023.}, {@code 5.6e-05f}, {@code -137.}. */
    private static double number(String cdl) {
        return Double.parseDouble(cdl.endsWith("f") ? cdl.substring(0, cdl.length() - 1) : cdl);
    }
}
