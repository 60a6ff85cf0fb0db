package org.gsweather.loadtest.cli;

import java.util.concurrent.Callable;
import org.gsweather.loadtest.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description = "Lists the shipped scenarios, or prints one as YAML (a starting point for your own file).")
final class ScenariosCommand implements Callable<Integer> {

    @ParentCommand
    WxLoadtest parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Scenario to print.")
    String name;

    @Override
    public Integer call() {
        if (name != null) {
            parent.out.print(Scenarios.shippedText(name));
            return 0;
        }
        for (String n : Scenarios.SHIPPED) {
            String text = Scenarios.shippedText(n);
            String description = text.lines()
                    .filter(l -> l.startsWith("description:"))
                    .map(l -> l.substring("description:".length()).trim())
                    .findFirst()
                    .orElse("");
            parent.out.printf("%-11s %s%n", n, description);
        }
        return 0;
    }
}
