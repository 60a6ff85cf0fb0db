package org.gsweather.loadtest.pattern;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.loadtest.scenario.ScenarioException;

/**
 * Reads the GET requests of an access log in the formats servers in front of and inside GeoServer write:
 *
 * <ul>
 *   <li>NCSA common and combined ({@code %h %l %u [%t] "%r" %>s %b ...}): nginx, Apache httpd, Jetty and Tomcat
 *       request logs;
 *   <li>GeoServer's request logging ({@code org.geoserver.filters.LoggingFilter}: {@code HOST "GET /path?query"
 *       "user agent" "referer"} in geoserver.log, after the log's own time stamp such as {@code 04 Dec 19:30:00});
 *       its second line per request ({@code ... took 12ms}) is skipped.
 * </ul>
 *
 * Absolute request URIs (proxy logs) keep only their path and query. Lines that are not GET requests are skipped.
 */
public final class AccessLog {

    private static final Pattern REQUEST =
            Pattern.compile("\"(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH) ([^\\s\"]+)[^\"]*\"");
    private static final Pattern STATUS = Pattern.compile("^\\s(\\d{3})\\s");
    private static final Pattern NCSA_TIME =
            Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})]");
    private static final Pattern ISO_TIME =
            Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?)");
    private static final Pattern GEOSERVER_TIME = Pattern.compile("^(\\d{2} \\w{3} \\d{2}:\\d{2}:\\d{2})");
    private static final Pattern TOOK = Pattern.compile("\" took \\d+ms\\s*$");

    private static final DateTimeFormatter NCSA = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter GEOSERVER = new DateTimeFormatterBuilder()
            .appendPattern("dd MMM HH:mm:ss")
            .parseDefaulting(ChronoField.YEAR, Year.now(ZoneOffset.UTC).getValue())
            .toFormatter(Locale.ENGLISH);

    private AccessLog() {}

    public static List<AccessLogEntry> read(Path file) {
        List<AccessLogEntry> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                AccessLogEntry e = parse(line);
                if (e != null) {
                    out.add(e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException("access log " + file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("access log " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new ScenarioException("access log " + file + ": no GET requests found; expected NCSA common or"
                    + " combined lines (nginx, Apache, Jetty) or GeoServer request log lines");
        }
        return out;
    }

    /** The GET request of one log line, or null when the line holds none. */
    public static AccessLogEntry parse(String line) {
        Matcher m = REQUEST.matcher(line);
        if (!m.find() || !m.group(1).equals("GET") || TOOK.matcher(line).find()) {
            return null;
        }
        String target = m.group(2);
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/")) {
            return null;
        }
        Matcher s = STATUS.matcher(line.substring(m.end()));
        int status = s.find() ? Integer.parseInt(s.group(1)) : -1;
        return new AccessLogEntry(time(line), target, status);
    }

    private static Instant time(String line) {
        try {
            Matcher m = NCSA_TIME.matcher(line);
            if (m.find()) {
                return OffsetDateTime.parse(m.group(1), NCSA).toInstant();
            }
            m = ISO_TIME.matcher(line);
            if (m.find()) {
                return LocalDateTime.parse(m.group(1).replace(' ', 'T').replace(',', '.'))
                        .toInstant(ZoneOffset.UTC);
            }
            m = GEOSERVER_TIME.matcher(line);
            if (m.find()) {
                return LocalDateTime.parse(m.group(1), GEOSERVER).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
