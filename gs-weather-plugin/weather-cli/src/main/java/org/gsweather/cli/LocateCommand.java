package org.gsweather.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gsweather.field.Missing;
import org.gsweather.field.MissingCode;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.grid.Grid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "locate",
        mixinStandardHelpOptions = true,
        description = "Fractional grid index of a longitude/latitude, the nearest grid point and its value.")
final class LocateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "GRIB2 file")
    Path file;

    @Option(names = "--field", required = true, paramLabel = "N", description = "Field number, from 1.")
    int field;

    @Parameters(index = "1", paramLabel = "LON", description = "Longitude, degrees east.")
    double lon;

    @Parameters(index = "2", paramLabel = "LAT", description = "Latitude, degrees north.")
    double lat;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(lat >= -90 && lat <= 90) || !Double.isFinite(lon)) {
            throw new IllegalArgumentException(
                    "invalid position " + lon + " " + lat + ": give LON LAT in degrees, latitude within [-90, 90]");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Grib2File grib = Grib2File.open(file)) {
            Grib2Field f = grib.field(field);
            Grid grid = f.grid();
            double[] ij = new double[2];
            grid.index(lon, lat, ij);
            out.printf(
                    Locale.ROOT,
                    "field %d: %s %s%n",
                    f.number(),
                    f.info().parameter().shortName(),
                    f.info().level().label());
            out.printf(Locale.ROOT, "grid %s, index i=%.6f j=%.6f%n", grid.describe(), ij[0], ij[1]);
            long ni = Math.round(ij[0]);
            long nj = Math.round(ij[1]);
            if (grid.wrapsLongitude() && ni == grid.nx()) {
                ni = 0;
            }
            if (Double.isNaN(ij[0]) || ni < 0 || nj < 0 || ni >= grid.nx() || nj >= grid.ny()) {
                out.println("outside the grid");
                out.flush();
                return 0;
            }
            double[] ll = new double[2];
            grid.lonLat(ni, nj, ll);
            float v = f.read()[(int) (nj * grid.nx() + ni)];
            out.printf(
                    Locale.ROOT,
                    "nearest point i=%d j=%d lon=%.6f lat=%.6f value=%s%n",
                    ni,
                    nj,
                    ll[0],
                    ll[1],
                    value(v, f));
        }
        out.flush();
        return 0;
    }

    private static String value(float v, Grib2Field f) {
        if (!Missing.isMissing(v)) {
            return v + " " + f.info().parameter().units();
        }
        MissingCode code = Missing.codeOf(v, f.missingCodes());
        return code != null ? "missing (" + code.meaning() + ", code " + code.value() + ")" : "missing";
    }
}
