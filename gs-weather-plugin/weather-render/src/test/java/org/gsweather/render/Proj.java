package org.gsweather.render;

import java.math.BigDecimal;
import java.util.List;
import org.gsweather.testing.Tools;

/** PROJ's cs2cs as the oracle of the output CRSs: batches of points between two PROJ definitions. */
final class Proj {
    static final String WEB_MERCATOR =
            "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs";
    static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

    private Proj() {}

    static double[][] transform(String from, String to, double[][] points) {
        Tools.require("cs2cs");
        StringBuilder in = new StringBuilder();
        for (double[] p : points) {
            in.append(BigDecimal.valueOf(p[0]).toPlainString())
                    .append(' ')
                    .append(BigDecimal.valueOf(p[1]).toPlainString())
                    .append('\n');
        }
        String out = Tools.run(List.of("cs2cs", "-f", "%.10f", from, "+to", to), in.toString());
        String[] lines = out.split("\n");
        double[][] r = new double[points.length][];
        for (int k = 0; k < points.length; k++) {
            String[] f = lines[k].trim().split("\\s+");
            r[k] = new double[] {num(f[0]), num(f[1])};
        }
        return r;
    }

    private static double num(String s) {
        return s.equals("*") ? Double.NaN : Double.parseDouble(s);
    }
}
