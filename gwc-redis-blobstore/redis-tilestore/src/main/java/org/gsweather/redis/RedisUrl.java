package org.gsweather.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One Redis server written as a URL, as hosting services and {@code REDIS_URL} environment variables give it:
 * {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://...} for TLS (the IANA
 * {@code redis}/{@code rediss} schemes). The port defaults to 6379, the database to 0; user and password are
 * percent-decoded.
 */
public record RedisUrl(String host, int port, String user, String password, Integer database, boolean tls) {

    /** {@code host:port} as {@code nodes} takes it (IPv6 addresses in brackets). */
    public String node() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Reads a URL.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong and what is expected
     */
    public static RedisUrl parse(String text) {
        String example = "write it as redis://[user:password@]host[:port][/database] (rediss:// for TLS)";
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + redacted(text) + "' is not a URL; " + example);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException(
                    "url '" + redacted(text) + "' does not start with redis:// or rediss://; " + example);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("url '" + redacted(text) + "' has no host; " + example);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                // redis://secret@host: a password alone, as redis-cli and most clients read it
                password = decode(info);
            } else {
                user = colon == 0 ? null : decode(info.substring(0, colon));
                password = decode(info.substring(colon + 1));
            }
        }
        Integer database = null;
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("url '" + redacted(text) + "' ends with '" + path
                        + "', which is no database number; " + example);
            }
        }
        if (uri.getQuery() != null) {
            throw new IllegalArgumentException(
                    "url '" + redacted(text) + "' has a query; give other settings as settings of their own");
        }
        return new RedisUrl(
                host,
                port,
                user,
                password == null || password.isEmpty() ? null : password,
                database,
                scheme.equals("rediss"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with its password replaced by {@code ***}, for messages. */
    static String redacted(String text) {
        return text.replaceFirst("^([A-Za-z]+://)([^@/]*:)?[^@/]*@", "$1$2***@");
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://")
                + (user == null ? "" : user)
                + (password == null ? "" : ":***")
                + (user == null && password == null ? "" : "@")
                + node()
                + (database == null ? "" : "/" + database);
    }
}
