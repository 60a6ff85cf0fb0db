package org.gsweather.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.field.DataFormatException;

/**
 * Lists the files of a web server's HTML directory index, such as the Apache pages of NCEP's MRMS site
 * ({@code https://mrms.ncep.noaa.gov/data/2D/PRODUCT/}): the links of the page that name a file directly in
 * the directory. Sort links ({@code ?C=M;O=A}), the parent directory and subdirectories are left out. Such
 * pages give no exact sizes, so none is returned.
 */
public final class DirectoryIndex {
    private static final Pattern HREF =
            Pattern.compile("<a\\s[^>]*?href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

    private final Fetcher fetcher;

    public DirectoryIndex(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * The names of the files listed at {@code directory}, in name order.
     *
     * @throws IOException when the directory is not there (404)
     * @throws DataFormatException when the page is not an HTML page
     */
    public List<String> files(URI directory, TransferListener listener) throws IOException, InterruptedException {
        URI dir = Urls.under(directory, "");
        Optional<String> html = fetcher.text(dir, listener);
        if (html.isEmpty()) {
            throw new IOException(dir + ": HTTP 404: no such directory");
        }
        return parse(html.get(), dir);
    }

    static List<String> parse(String html, URI directory) throws DataFormatException {
        String head = html.substring(0, Math.min(html.length(), 1024)).toLowerCase(Locale.ROOT);
        if (!head.contains("<html") && !head.contains("<!doctype html") && !head.contains("<a ")) {
            throw new DataFormatException(directory + ": not an HTML directory index (the page starts "
                    + head.substring(0, Math.min(head.length(), 40)).strip() + ")");
        }
        TreeSet<String> names = new TreeSet<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String href = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
            if (href.isEmpty() || href.contains("?") || href.contains("#") || href.endsWith("/")) {
                continue;
            }
            URI target;
            try {
                target = directory.resolve(href);
            } catch (IllegalArgumentException e) {
                continue;
            }
            String path = target.getRawPath();
            if (path == null
                    || !sameOrigin(target, directory)
                    || !path.startsWith(directory.getRawPath())
                    || path.indexOf('/', directory.getRawPath().length()) >= 0) {
                continue;
            }
            names.add(URLDecoder.decode(path.substring(directory.getRawPath().length()), StandardCharsets.UTF_8));
        }
        return List.copyOf(names);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }
}
