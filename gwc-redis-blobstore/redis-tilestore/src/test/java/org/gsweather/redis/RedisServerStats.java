package org.gsweather.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/**
 * Redis' own account of its work: calls and microseconds per command ({@code INFO commandstats}) and the server
 * process' CPU seconds ({@code INFO cpu}). Two readings subtracted give what one benchmark step cost Redis.
 */
public record RedisServerStats(Map<String, CommandCost> commands, double cpuSeconds) {

    /** Calls and total microseconds of one command (a script's inner commands are counted on their own too). */
    public record CommandCost(long calls, long micros) {}

    public static RedisServerStats read(Jedis jedis) {
        Map<String, CommandCost> commands = new TreeMap<>();
        for (String line : jedis.info("commandstats").lines().toList()) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            long calls = 0;
            long micros = 0;
            for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                String[] kv = field.split("=");
                switch (kv[0]) {
                    case "calls" -> calls = Long.parseLong(kv[1]);
                    case "usec" -> micros = Long.parseLong(kv[1]);
                    default -> {}
                }
            }
            commands.put(name, new CommandCost(calls, micros));
        }
        double cpu = 0;
        for (String line : jedis.info("cpu").lines().toList()) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                cpu += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new RedisServerStats(commands, cpu);
    }

    /** What happened between {@code before} and this reading. */
    public RedisServerStats since(RedisServerStats before) {
        Map<String, CommandCost> delta = new TreeMap<>();
        commands.forEach((name, now) -> {
            CommandCost then = before.commands.getOrDefault(name, new CommandCost(0, 0));
            if (now.calls() > then.calls()) {
                delta.put(name, new CommandCost(now.calls() - then.calls(), now.micros() - then.micros()));
            }
        });
        return new RedisServerStats(delta, cpuSeconds - before.cpuSeconds);
    }

    /**
     * One line per step: Redis CPU per operation, then each command that ran at least once per 100 operations with
     * its calls per operation and microseconds per call ({@code INFO}/{@code PING} of the benchmark itself left out).
     */
    public String describe(long operations) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "redis cpu %.1f us/op", cpuSeconds * 1e6 / operations));
        commands.forEach((name, cost) -> {
            if (!name.equals("info") && cost.calls() * 100 >= operations) {
                parts.add(String.format(
                        Locale.ROOT,
                        "%s %.2f/op %.2f us/call",
                        name,
                        cost.calls() / (double) operations,
                        cost.micros() / (double) cost.calls()));
            }
        });
        return String.join(", ", parts);
    }
}
