package org.gsweather.redis;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of a {@link RedisTileStoreConfig}: setting name to text, as written in the blob store's XML, in its
 * REST body and in its admin form. A blank or missing value keeps the default. Every value that cannot be read is
 * reported, together with the range checks of {@link RedisTileStoreConfig.Builder#build()}, in one {@link
 * InvalidConfigurationException}.
 *
 * <ul>
 *   <li>durations: {@code 250ms}, {@code 2s}, {@code 5m}, {@code 24h}, {@code 7d}, ISO-8601 ({@code PT24H}), or a
 *       bare number of milliseconds;
 *   <li>sizes: bytes, or with a binary unit {@code 64KB}, {@code 256MB}, {@code 1GB};
 *   <li>{@code nodes}: {@code host:port} entries separated by commas or spaces;
 *   <li>{@code topology}: {@code STANDALONE}, {@code CLUSTER} or {@code SENTINEL} (any case);
 *   <li>{@code url}: one server as {@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://}
 *       (TLS), as {@code REDIS_URL} variables give it (see {@link RedisUrl}). It stands for {@code topology}
 *       STANDALONE, {@code nodes}, {@code user}, {@code password}, {@code database} and {@code tls}; a non-blank
 *       {@code user}, {@code password}, {@code database} or {@code tls} setting wins over the URL's part, so that a
 *       password can come from a variable of its own. {@code url} with {@code nodes} or another topology is an error.
 * </ul>
 */
public final class RedisTileStoreSettings {
    /** Every setting name, in the order of {@link RedisTileStoreConfig}'s components. */
    public static final List<String> NAMES = Arrays.stream(RedisTileStoreConfig.class.getRecordComponents())
            .map(c -> c.getName())
            .toList();

    /** The one setting that is no component of the configuration but stands for several (see the class comment). */
    public static final String URL = "url";

    /** Every name {@link #parse} reads: {@link #URL}, then {@link #NAMES}. */
    public static final List<String> INPUT_NAMES = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(URL), NAMES.stream())
            .toList();

    private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m|h|d)?$");
    private static final Pattern SIZE = Pattern.compile("^(\\d+)\\s*(b|kb|k|mb|m|gb|g)?$");

    private RedisTileStoreSettings() {}

    public static RedisTileStoreConfig parse(Map<String, String> settings) {
        RedisTileStoreConfig.Builder b = RedisTileStoreConfig.builder();
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(INPUT_NAMES);
        for (String name : unknown) {
            b.problem("unknown setting '" + name + "'; known settings are " + String.join(", ", INPUT_NAMES));
        }
        text(settings, URL, v -> url(settings, b, v));
        text(settings, "topology", v -> {
            try {
                b.topology(RedisTileStoreConfig.Topology.valueOf(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                b.problem("topology '" + v + "' is unknown; use STANDALONE, CLUSTER or SENTINEL");
            }
        });
        text(
                settings,
                "nodes",
                v -> b.nodes(Arrays.stream(v.split("[,\\s]+"))
                        .filter(s -> !s.isEmpty())
                        .toList()));
        text(settings, "sentinelMasterName", b::sentinelMasterName);
        text(settings, "user", b::user);
        text(settings, "password", b::password);
        integer(settings, b, "database", b::database);
        text(settings, "tls", v -> {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> b.tls(true);
                case "false", "no", "off" -> b.tls(false);
                default -> b.problem("tls '" + v + "' is not a boolean; use true or false");
            }
        });
        text(settings, "tlsTrustStore", b::tlsTrustStore);
        text(settings, "tlsTrustStorePassword", b::tlsTrustStorePassword);
        duration(settings, b, "connectTimeout", b::connectTimeout);
        duration(settings, b, "readTimeout", b::readTimeout);
        integer(settings, b, "poolMaxTotal", b::poolMaxTotal);
        integer(settings, b, "poolMinIdle", b::poolMinIdle);
        duration(settings, b, "poolBorrowTimeout", b::poolBorrowTimeout);
        integer(settings, b, "clusterMaxAttempts", b::clusterMaxAttempts);
        text(settings, "keyPrefix", b::keyPrefix);
        integer(settings, b, "shardsPerCache", b::shardsPerCache);
        duration(settings, b, "tileTtl", b::tileTtl);
        integer(settings, b, "breakerFailureThreshold", b::breakerFailureThreshold);
        duration(settings, b, "breakerOpenDuration", b::breakerOpenDuration);
        integer(settings, b, "deleteScanCount", b::deleteScanCount);
        duration(settings, b, "deleteBatchPause", b::deleteBatchPause);
        integer(settings, b, "syncRangeDeleteLimit", b::syncRangeDeleteLimit);
        text(settings, "nearCacheMaxBytes", v -> {
            Long bytes = parseSize(v);
            if (bytes == null) {
                b.problem("nearCacheMaxBytes '" + v + "' is not a size; write e.g. 0 (off), 67108864, 64MB or 1GB");
            } else {
                b.nearCacheMaxBytes(bytes);
            }
        });
        return b.build();
    }

    /** Applies a {@link #URL}; the settings it stands for, when given too, are applied after it and win. */
    private static void url(Map<String, String> settings, RedisTileStoreConfig.Builder b, String text) {
        RedisUrl url;
        try {
            url = RedisUrl.parse(text);
        } catch (IllegalArgumentException e) {
            b.problem(e.getMessage());
            return;
        }
        if (given(settings, "nodes")) {
            b.problem("url and nodes are both set; give one server as url, or several as nodes");
        }
        if (given(settings, "topology")
                && !"standalone".equalsIgnoreCase(settings.get("topology").trim())) {
            b.problem("url names one server (topology STANDALONE); for CLUSTER or SENTINEL list the servers in nodes");
        }
        b.nodes(List.of(url.node()));
        if (url.user() != null) {
            b.user(url.user());
        }
        if (url.password() != null) {
            b.password(url.password());
        }
        if (url.database() != null) {
            b.database(url.database());
        }
        if (url.tls()) {
            b.tls(true);
        }
    }

    private static boolean given(Map<String, String> settings, String name) {
        String v = settings.get(name);
        return v != null && !v.isBlank();
    }

    /** The text of every setting of {@code config}, such that {@link #parse} gives {@code config} back. */
    public static Map<String, String> format(RedisTileStoreConfig config) {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        out.put("topology", config.topology().name());
        out.put("nodes", String.join(",", config.nodes()));
        out.put("sentinelMasterName", config.sentinelMasterName());
        out.put("user", config.user());
        out.put("password", config.password());
        out.put("database", String.valueOf(config.database()));
        out.put("tls", String.valueOf(config.tls()));
        out.put("tlsTrustStore", config.tlsTrustStore());
        out.put("tlsTrustStorePassword", config.tlsTrustStorePassword());
        out.put("connectTimeout", formatDuration(config.connectTimeout()));
        out.put("readTimeout", formatDuration(config.readTimeout()));
        out.put("poolMaxTotal", String.valueOf(config.poolMaxTotal()));
        out.put("poolMinIdle", String.valueOf(config.poolMinIdle()));
        out.put("poolBorrowTimeout", formatDuration(config.poolBorrowTimeout()));
        out.put("clusterMaxAttempts", String.valueOf(config.clusterMaxAttempts()));
        out.put("keyPrefix", config.keyPrefix());
        out.put("shardsPerCache", String.valueOf(config.shardsPerCache()));
        out.put("tileTtl", formatDuration(config.tileTtl()));
        out.put("breakerFailureThreshold", String.valueOf(config.breakerFailureThreshold()));
        out.put("breakerOpenDuration", formatDuration(config.breakerOpenDuration()));
        out.put("deleteScanCount", String.valueOf(config.deleteScanCount()));
        out.put("deleteBatchPause", formatDuration(config.deleteBatchPause()));
        out.put("syncRangeDeleteLimit", String.valueOf(config.syncRangeDeleteLimit()));
        out.put("nearCacheMaxBytes", String.valueOf(config.nearCacheMaxBytes()));
        return out;
    }

    /** A duration as text: {@code 250ms}, {@code 2s}, ISO-8601, or milliseconds; {@code null} when unreadable. */
    public static Duration parseDuration(String text) {
        String v = text.trim();
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return switch (unit) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofMillis(n);
            };
        }
        try {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return ms + "ms";
    }

    static Long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit) {
            case "k", "kb" -> 10;
            case "m", "mb" -> 20;
            case "g", "gb" -> 30;
            default -> 0;
        };
        return n << shift;
    }

    private static void text(Map<String, String> settings, String name, Consumer<String> set) {
        String v = settings.get(name);
        if (v != null && !v.isBlank()) {
            set.accept(v.trim());
        }
    }

    private static void integer(
            Map<String, String> settings,
            RedisTileStoreConfig.Builder b,
            String name,
            java.util.function.IntConsumer set) {
        text(settings, name, v -> {
            try {
                set.accept(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                b.problem(name + " '" + v + "' is not a whole number");
            }
        });
    }

    private static void duration(
            Map<String, String> settings, RedisTileStoreConfig.Builder b, String name, Consumer<Duration> set) {
        text(settings, name, v -> {
            Duration d = parseDuration(v);
            if (d == null) {
                b.problem(name + " '" + v + "' is not a duration; write e.g. 250ms, 2s, 24h or PT2S");
            } else {
                set.accept(d);
            }
        });
    }
}
