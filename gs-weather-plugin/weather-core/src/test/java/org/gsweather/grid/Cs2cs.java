package org.gsweather.grid;

import java.math.BigDecimal;
import java.util.List;
import org.gsweather.testing.Tools;

/**
 * PROJ's {@code cs2cs} as the reference of the projections: transforms batches of points between the
 * geographic coordinates of a projection's ellipsoid and the projection's {@link Projection#toProj()}
 * definition. Points PROJ cannot transform come back as NaN. Skips the calling test when cs2cs is not
 * installed.
 */
final class Cs2cs {
    private Cs2cs() {}

    /** Longitude/latitude pairs (degrees) to projected coordinates, by PROJ. */
    static double[][] forward(Projection projection, double[][] lonLat) {
        return transform(geographic(projection), projection.toProj(), lonLat);
    }

    /** Projected coordinates to longitude/latitude pairs (degrees), by PROJ. */
    static double[][] inverse(Projection projection, double[][] xy) {
        return inverse(projection.toProj(), projection.ellipsoid(), xy);
    }

    /** Coordinates of {@code proj} (any PROJ definition on {@code ellipsoid}) to longitude/latitude. */
    static double[][] inverse(String proj, Ellipsoid ellipsoid, double[][] xy) {
        return transform(proj, "+proj=longlat " + ellipsoid.toProj() + " +no_defs", xy);
    }

    /** Longitude/latitude on {@code ellipsoid} to the coordinates of any PROJ definition. */
    static double[][] forward(Ellipsoid ellipsoid, String proj, double[][] lonLat) {
        return transform("+proj=longlat " + ellipsoid.toProj() + " +no_defs", proj, lonLat);
    }

    private static String geographic(Projection projection) {
        return "+proj=longlat " + projection.ellipsoid().toProj() + " +no_defs";
    }

    private static double[][] transform(String from, String to, double[][] points) {
        Tools.require("cs2cs");
        StringBuilder in = new StringBuilder();
        for (double[] p : points) {
            in.append(plain(p[0])).append(' ').append(plain(p[1])).append('\n');
        }
        String out = Tools.run(List.of("cs2cs", "-f", "%.10f", from, "+to", to), in.toString());
        String[] lines = out.split("\n");
        if (lines.length != points.length) {
            throw new IllegalStateException(
                    "cs2cs answered " + lines.length + " lines for " + points.length + " points:\n" + out);
        }
        double[][] result = new double[points.length][];
        for (int i = 0; i < lines.length; i++) {
            String[] fields = lines[i].trim().split("\\s+");
            result[i] = new double[] {number(fields[0]), number(fields[1])};
        }
        return result;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    private static double number(String field) {
        double v = field.equals("*") ? Double.NaN : Double.parseDouble(field);
        return Double.isInfinite(v) ? Double.NaN : v;
    }
}
