package org.gsweather.loadtest.cli;

import java.util.concurrent.Callable;
import org.gsweather.loadtest.scenario.Region;
import org.gsweather.loadtest.scenario.Regions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "regions",
        mixinStandardHelpOptions = true,
        description = "Lists the named regions scenarios can use (--region, hotSpots, targets).")
final class RegionsCommand implements Callable<Integer> {

    @ParentCommand
    WxLoadtest parent;

    @Override
    public Integer call() {
        for (Region r : Regions.builtIn().all()) {
            parent.out.printf(java.util.Locale.ROOT, "%-10s %-22s %-40s %s%n", r.kind(), r.name(), r.box(), r.note());
        }
        return 0;
    }
}
