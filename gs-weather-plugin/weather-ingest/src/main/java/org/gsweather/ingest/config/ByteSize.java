package org.gsweather.ingest.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes (or bytes per second, with {@code /s}) written as {@code 250000}, {@code 256KB}, {@code
 * 50MB/s}, {@code 1.5GiB}: KB, MB, GB are powers of 1000, KiB, MiB, GiB of 1024.
 */
public record ByteSize(long bytes) {
    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|kib|mib|gib)?(/s)?", Pattern.CASE_INSENSITIVE);

    @JsonCreator
    public static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size; write e.g. 256KB, 50MB/s, 1GiB, or a number of bytes");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            default -> 1;
        };
        return new ByteSize(Math.round(n * factor));
    }

    @JsonCreator
    public static ByteSize of(long bytes) {
        return new ByteSize(bytes);
    }
}
