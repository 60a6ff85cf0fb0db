package org.gsweather.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gsweather.FieldFiles;
import org.gsweather.field.FieldFile;
import org.gsweather.grib2.Grib2File;
import org.gsweather.netcdf.NetcdfFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "List the fields of a file. GRIB2: number (message.submessage), parameter, level, reference"
                + " and valid time, grid, packing, bitmap. NetCDF: number, variable [index of its non-spatial"
                + " dimensions], level, times, grid, stored type and packing.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "GRIB2 or NetCDF file")
    Path file;

    @Option(names = "--json", description = "One JSON array of field objects instead of text lines.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (FieldFile opened = FieldFiles.open(file)) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            if (opened instanceof NetcdfFile nc) {
                if (json) {
                    out.println(mapper.writeValueAsString(
                            nc.fields().stream().map(NetcdfInventory::json).toList()));
                } else {
                    nc.warnings().forEach(w -> out.println("# warning: " + w));
                    nc.fields().forEach(f -> out.println(NetcdfInventory.line(f)));
                }
            } else {
                Grib2File grib = (Grib2File) opened;
                if (json) {
                    out.println(mapper.writeValueAsString(
                            grib.fields().stream().map(Inventory::json).toList()));
                } else {
                    grib.fields().forEach(f -> out.println(Inventory.line(f)));
                }
            }
        }
        out.flush();
        return 0;
    }
}
