package org.gsweather.loadtest.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gsweather.loadtest.capabilities.WmtsLayer;
import org.gsweather.loadtest.http.Endpoint;
import org.gsweather.loadtest.reset.ServerReset;
import org.gsweather.loadtest.scenario.Durations;
import org.gsweather.loadtest.scenario.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = {
            "Puts a server into a known state: truncates the layers' tile caches (GWC REST masstruncate), empties the"
                    + " weather plugin's field cache and zeroes its metrics (POST /rest/wx/reset; a stock server's 404"
                    + " is reported and passed), then waits until GetCapabilities answers."
        })
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    WxLoadtest parent;

    @Mixin
    ServerOptions server;

    @Option(names = "--layer", paramLabel = "NAME", description = "Layer whose tile cache to truncate (repeatable).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--all-layers", description = "Truncate every layer of the WMTS capabilities.")
    boolean allLayers;

    @Option(names = "--service", description = "Service whose GetCapabilities is the health check (wmts).")
    String service = "wmts";

    @Option(names = "--health-timeout", description = "How long to wait for the server (60s).")
    String healthTimeout = "60s";

    @Override
    public Integer call() throws Exception {
        Endpoint e = server.endpoint();
        List<String> names = new ArrayList<>(layers);
        if (allLayers) {
            for (WmtsLayer l : server.wmts(e).layers()) {
                names.add(l.identifier());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(
                    "name the layers to truncate: --layer NAME (repeatable) or --all-layers");
        }
        Service s = Service.of(service, "--service");
        new ServerReset(e, server.adminHttp(Duration.ofSeconds(60)), parent.err)
                .reset(names, server.capabilitiesUri(e, s), Durations.parse(healthTimeout, "--health-timeout"));
        return 0;
    }
}
