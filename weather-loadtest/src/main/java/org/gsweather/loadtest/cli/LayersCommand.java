package org.gsweather.loadtest.cli;

import java.util.concurrent.Callable;
import org.gsweather.loadtest.capabilities.Dimension;
import org.gsweather.loadtest.capabilities.WmsLayer;
import org.gsweather.loadtest.capabilities.WmtsLayer;
import org.gsweather.loadtest.http.Endpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "layers",
        mixinStandardHelpOptions = true,
        description = "Lists what a server's capabilities offer a run: layers, tile matrix sets, styles, dimensions.")
final class LayersCommand implements Callable<Integer> {

    @ParentCommand
    WxLoadtest parent;

    @Mixin
    ServerOptions server;

    @Option(names = "--service", description = "wmts (default) or wms.")
    String service = "wmts";

    @Override
    public Integer call() throws Exception {
        Endpoint e = server.endpoint();
        if (service.equalsIgnoreCase("wms")) {
            for (WmsLayer l : server.wms(e).layers()) {
                parent.out.printf(
                        "%s%n  extent %s%n  styles %s%n%s",
                        l.name(), l.extent(), String.join(", ", l.styles()), dimensions(l.dimensions()));
            }
            return 0;
        }
        for (WmtsLayer l : server.wmts(e).layers()) {
            parent.out.printf(
                    "%s%n  extent %s%n  tile matrix sets %s%n  styles %s (default %s)%n  formats %s%n%s",
                    l.identifier(),
                    l.extent(),
                    String.join(", ", l.tileMatrixSetLimits().keySet()),
                    String.join(", ", l.styles()),
                    l.defaultStyle(),
                    String.join(", ", l.formats()),
                    dimensions(l.dimensions()));
        }
        return 0;
    }

    private static String dimensions(java.util.List<Dimension> dims) {
        StringBuilder b = new StringBuilder();
        for (Dimension d : dims) {
            b.append("  dimension ")
                    .append(d.identifier())
                    .append(": ")
                    .append(d.values().size())
                    .append(" values");
            if (!d.values().isEmpty()) {
                b.append(", ")
                        .append(d.values().get(0))
                        .append(" .. ")
                        .append(d.values().get(d.values().size() - 1));
            }
            b.append(", default ").append(d.defaultValue()).append('\n');
        }
        return b.toString();
    }
}
