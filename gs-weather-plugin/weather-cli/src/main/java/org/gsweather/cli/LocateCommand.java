package org.gsweather.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gsweather.FieldFiles;
import org.gsweather.field.Field;
import org.gsweather.field.FieldFile;
import org.gsweather.field.Missing;
import org.gsweather.field.MissingCode;
import org.gsweather.grib2.Grib2Field;
import org.gsweather.grib2.Grib2File;
import org.gsweather.grid.Grid;
import org.gsweather.netcdf.NetcdfField;
import org.gsweather.netcdf.NetcdfFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "locate",
        mixinStandardHelpOptions = true,
        description = "Fractional grid index of a longitude/latitude, the nearest grid point and its value.")
final class LocateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "GRIB2 or NetCDF file")
    Path file;

    @Option(names = "--field", paramLabel = "N", description = "Field number, from 1 (see inspect).")
    Integer field;

    @Option(names = "--variable", paramLabel = "NAME", description = "NetCDF: variable name (instead of --field).")
    String variable;

    @Option(
            names = "--index",
            paramLabel = "DIM=N[,DIM=N...]",
            description = "NetCDF: index of the variable's non-spatial dimensions, e.g. time=0,z=3.")
    String index;

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
        try (FieldFile opened = FieldFiles.open(file)) {
            Field f;
            int number;
            String label;
            if (opened instanceof NetcdfFile nc) {
                NetcdfField n;
                if (variable != null) {
                    n = nc.field(variable, NetcdfInventory.parseIndex(index));
                } else if (field != null && field >= 1 && field <= nc.fields().size()) {
                    n = nc.fields().get(field - 1);
                } else {
                    throw new IllegalArgumentException(file.getFileName() + ": give --variable NAME [--index ...] or"
                            + " --field N between 1 and " + nc.fields().size());
                }
                f = n;
                number = n.number();
                label = n.variable() + (n.index().isEmpty() ? "" : " " + NetcdfInventory.index(n.index()));
            } else {
                if (field == null) {
                    throw new IllegalArgumentException(file.getFileName() + " is GRIB2: give --field N");
                }
                Grib2Field g = ((Grib2File) opened).field(field);
                f = g;
                number = g.number();
                label = g.info().parameter().shortName();
            }
            Grid grid = f.grid();
            double[] ij = new double[2];
            grid.index(lon, lat, ij);
            out.printf(
                    Locale.ROOT,
                    "field %d: %s %s%n",
                    number,
                    label,
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

    private static String value(float v, Field f) {
        if (!Missing.isMissing(v)) {
            return v + " " + f.info().parameter().units();
        }
        MissingCode code = Missing.codeOf(v, f.info().missingCodes());
        return code != null ? "missing (" + code.meaning() + ", code " + code.value() + ")" : "missing";
    }
}
