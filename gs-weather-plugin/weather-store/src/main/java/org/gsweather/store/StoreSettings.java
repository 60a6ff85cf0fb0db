package org.gsweather.store;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a store follows and how: one file or a directory, the format, which file names count, how
 * long files stay visible and how often the directory is looked at.
 *
 * @param location a file or a directory
 * @param format the format the store serves; files of the other format in a directory are skipped
 * @param pattern glob on file names (e.g. {@code hrrr.t*z.wrfsfcf*.grib2}), null for every file
 * @param keepRuns how many of the newest model runs stay visible, 0 for all
 * @param maxAge how old (by model run or observation time) a file may be and stay visible, null for no limit
 * @param deleteExpired whether files that retention hides are also deleted from disk
 * @param pollInterval how often a directory is listed for new, changed and removed files
 */
public record StoreSettings(
        Path location,
        FileFormat format,
        String pattern,
        int keepRuns,
        Duration maxAge,
        boolean deleteExpired,
        Duration pollInterval) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    /** The options a store URL may carry as its query, e.g. {@code file:data/hrrr?pattern=*.grib2&keepRuns=4}. */
    public static final String OPTIONS = "pattern, keepRuns, maxAge, deleteExpired, poll";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public StoreSettings {
        if (keepRuns < 0) {
            throw new InvalidStoreException(
                    "keepRuns=" + keepRuns + ": give 0 (keep all) or a positive number of runs");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new InvalidStoreException("maxAge=" + maxAge + ": give a positive duration, e.g. 48h or P2D");
        }
        if (pollInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new InvalidStoreException("poll=" + pollInterval + ": give at least 100ms");
        }
        if (pattern != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            } catch (IllegalArgumentException e) {
                throw new InvalidStoreException("pattern=" + pattern + " is not a valid glob: " + e.getMessage());
            }
        }
    }

    /** A store on a file or directory with every option at its default. */
    public static StoreSettings of(Path location, FileFormat format) {
        return new StoreSettings(location, format, null, 0, null, false, DEFAULT_POLL_INTERVAL);
    }

    /**
     * Settings from the query part of a store URL ({@code key=value} pairs joined by {@code &}).
     *
     * @throws InvalidStoreException naming the key or value that is wrong
     */
    public static StoreSettings fromQuery(Path location, FileFormat format, String query) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidStoreException(
                            "store option '" + pair + "' has no value: write key=value (options: " + OPTIONS + ")");
                }
                options.put(
                        pair.substring(0, eq).trim(),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String pattern = null;
        int keepRuns = 0;
        Duration maxAge = null;
        boolean delete = false;
        Duration poll = DEFAULT_POLL_INTERVAL;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String value = e.getValue().trim();
            switch (e.getKey()) {
                case "pattern" -> pattern = value.isEmpty() ? null : value;
                case "keepRuns" -> keepRuns = integer("keepRuns", value);
                case "maxAge" -> maxAge = duration("maxAge", value);
                case "deleteExpired" -> delete = bool("deleteExpired", value);
                case "poll" -> poll = duration("poll", value);
                default ->
                    throw new InvalidStoreException(
                            "unknown store option '" + e.getKey() + "': the options are " + OPTIONS);
            }
        }
        return new StoreSettings(location, format, pattern, keepRuns, maxAge, delete, poll);
    }

    /** Whether a file name is one the store serves: not hidden, not a partial download, matching the pattern. */
    boolean accepts(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")
                || name.endsWith(".tmp")
                || name.endsWith(".part")
                || name.endsWith(".partial")
                || name.endsWith(".idx")
                || name.endsWith(".md5")
                || name.endsWith(".sha256")) {
            return false;
        }
        if (pattern == null) {
            return true;
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return m.matches(file.getFileName());
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidStoreException(key + "=" + value + ": give a whole number");
        }
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidStoreException(key + "=" + value + ": give true or false");
        };
    }

    /** {@code 48h}, {@code 2d}, {@code 30m}, {@code 500ms} or ISO 8601 ({@code PT48H}, {@code P2D}). */
    static Duration duration(String key, String value) {
        Matcher m = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidStoreException(
                    key + "=" + value + ": give a duration such as 500ms, 2s, 30m, 48h, 2d or PT48H");
        }
    }
}
