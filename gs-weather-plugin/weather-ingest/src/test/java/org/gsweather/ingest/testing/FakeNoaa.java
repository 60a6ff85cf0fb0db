package org.gsweather.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that behaves like NOAA's public S3 buckets: path-style {@code /BUCKET/KEY}, GET
 * with single byte ranges and {@code If-Range}, ETags, 404 for missing keys, ListObjectsV2 with
 * pagination ({@code max-keys}, {@code continuation-token}, {@code start-after}), and an Apache-style HTML
 * index page for a path ending in {@code /} (as NCEP's MRMS site lists its directories). Objects appear at a
 * publication time of the test's clock. Faults are queued per object and served to the next requests:
 * a status with {@code Retry-After}, a connection dropped mid-body, a body cut short with consistent
 * headers, a stall.
 */
public final class FakeNoaa implements AutoCloseable {
    /** A fault served instead of (or in the middle of) a normal response. */
    public sealed interface Fault permits Status, DropAfter, ShortBody, Stall {}

    /** Answers with a status (and a {@code Retry-After} when not null). */
    public record Status(int code, String retryAfter) implements Fault {}

    /** Sends the right headers, then {@code bytes} of the body, then closes the connection. */
    public record DropAfter(long bytes) implements Fault {}

    /** Sends only {@code bytes} of the body, with headers that say so (a correct status, a short body). */
    public record ShortBody(long bytes) implements Fault {}

    /** Sends {@code bytes} of the body, then nothing until the client gives up. */
    public record Stall(long bytes) implements Fault {}

    /** One request as the server saw it. */
    public record Logged(String method, String path, String range, int status, long bodyBytes) {}

    private record Obj(byte[] bytes, Instant published, String etag) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Clock clock;
    private final Map<String, TreeMap<String, Obj>> buckets = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final List<Logged> log = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile int pageSize = 1000;
    private int etags;

    public FakeNoaa(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL of a bucket, path-style. */
    public URI bucket(String bucket) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + bucket);
    }

    /** Publishes an object at a time of the clock (it is 404 before). */
    public synchronized void put(String bucket, String key, byte[] bytes, Instant published) {
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>())
                .put(key, new Obj(bytes, published, "\"etag-" + (++etags) + "\""));
    }

    public void put(String bucket, String key, byte[] bytes) {
        put(bucket, key, bytes, Instant.MIN);
    }

    /** Queues a fault for the next request of the object. */
    public void fault(String bucket, String key, Fault fault) {
        faults.computeIfAbsent("/" + bucket + "/" + key, k -> new ArrayDeque<>())
                .add(fault);
    }

    /** Keys per ListObjectsV2 page. */
    public void pageSize(int keys) {
        this.pageSize = keys;
    }

    public List<Logged> log() {
        return List.copyOf(log);
    }

    /** Requests of one object (GETs), in order. */
    public List<Logged> requests(String bucket, String key) {
        String path = "/" + bucket + "/" + key;
        return log.stream().filter(l -> l.path().equals(path)).toList();
    }

    public void clearLog() {
        log.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            String[] parts = path.substring(1).split("/", 2);
            String bucket = parts[0];
            if (parts.length == 1 || parts[1].isEmpty()) {
                if (query != null && query.contains("list-type=2")) {
                    list(ex, bucket, params(query));
                    return;
                }
                respond(ex, path, null, 400, new byte[0]);
                return;
            }
            String key = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            String range = ex.getRequestHeaders().getFirst("Range");
            Deque<Fault> queued = faults.get(path);
            Fault fault = queued == null ? null : queued.poll();
            if (fault instanceof Status s) {
                if (s.retryAfter() != null) {
                    ex.getResponseHeaders().set("Retry-After", s.retryAfter());
                }
                respond(ex, path, range, s.code(), new byte[0]);
                return;
            }
            if (key.endsWith("/")) {
                directoryIndex(ex, bucket, key);
                return;
            }
            Obj obj = object(bucket, key);
            if (obj == null) {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Key>" + key
                                + "</Key></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                respond(ex, path, range, 404, body);
                return;
            }
            ex.getResponseHeaders().set("ETag", obj.etag());
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            long start = 0;
            long end = obj.bytes().length - 1;
            int status = 200;
            String ifRange = ex.getRequestHeaders().getFirst("If-Range");
            if (range != null && (ifRange == null || ifRange.equals(obj.etag()))) {
                String spec = range.substring("bytes=".length());
                int dash = spec.indexOf('-');
                start = Long.parseLong(spec.substring(0, dash));
                if (dash < spec.length() - 1) {
                    end = Math.min(end, Long.parseLong(spec.substring(dash + 1)));
                }
                if (start >= obj.bytes().length) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + obj.bytes().length);
                    respond(ex, path, range, 416, new byte[0]);
                    return;
                }
                status = 206;
            }
            long length = end - start + 1;
            if (fault instanceof ShortBody s) {
                end = start + Math.min(s.bytes(), length) - 1;
                length = end - start + 1;
            }
            if (status == 206) {
                ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + obj.bytes().length);
            }
            ex.sendResponseHeaders(status, length);
            long limit = length;
            if (fault instanceof DropAfter d) {
                limit = Math.min(d.bytes(), length);
            } else if (fault instanceof Stall st) {
                limit = Math.min(st.bytes(), length);
            }
            OutputStream out = ex.getResponseBody();
            out.write(obj.bytes(), (int) start, (int) limit);
            out.flush();
            log.add(new Logged(ex.getRequestMethod(), path, range, status, limit));
            if (fault instanceof DropAfter) {
                throw new IOException("test fault: connection dropped after " + limit + " bytes");
            }
            if (fault instanceof Stall) {
                // Hold the connection open without sending more, until the server closes.
                try {
                    closed.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("test fault: stalled");
            }
        }
    }

    private synchronized Obj object(String bucket, String key) {
        TreeMap<String, Obj> objects = buckets.get(bucket);
        Obj obj = objects == null ? null : objects.get(key);
        return obj == null || obj.published().isAfter(clock.instant()) ? null : obj;
    }

    private void respond(HttpExchange ex, String path, String range, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        log.add(new Logged(ex.getRequestMethod(), path, range, status, body.length));
    }

    /**
     * An Apache-style directory index of the keys directly under {@code folder} (as NCEP's MRMS site
     * shows its directories): sort links, a parent link, one table row per file; 404 when nothing is there.
     */
    private void directoryIndex(HttpExchange ex, String bucket, String folder) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        List<String> names = new ArrayList<>();
        synchronized (this) {
            TreeMap<String, Obj> objects = buckets.getOrDefault(bucket, new TreeMap<>());
            for (Map.Entry<String, Obj> e : objects.tailMap(folder, false).entrySet()) {
                if (!e.getKey().startsWith(folder)) {
                    break;
                }
                String rest = e.getKey().substring(folder.length());
                if (!rest.contains("/") && !e.getValue().published().isAfter(clock.instant())) {
                    names.add(rest);
                }
            }
        }
        if (names.isEmpty()) {
            respond(
                    ex,
                    path,
                    null,
                    404,
                    "<html><body><h1>Not Found</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html>\n")
                .append(" <head>\n  <title>Index of ")
                .append(path)
                .append("</title>\n </head>\n <body>\n")
                .append("<h1>Index of ")
                .append(path)
                .append("</h1>\n  <table>\n")
                .append("   <tr><th valign=\"top\"><img src=\"/icons/blank.gif\" alt=\"[ICO]\"></th>")
                .append("<th><a href=\"?C=N;O=D\">Name</a></th><th><a href=\"?C=M;O=A\">Last modified</a></th>")
                .append("<th><a href=\"?C=S;O=A\">Size</a></th></tr>\n")
                .append("<tr><td valign=\"top\"><img src=\"/icons/back.gif\" alt=\"[PARENTDIR]\"></td>")
                .append("<td><a href=\"")
                .append(path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1))
                .append("\">Parent Directory</a></td><td>&nbsp;</td><td align=\"right\">  - </td></tr>\n");
        for (String name : names) {
            html.append("<tr><td valign=\"top\"><img src=\"/icons/unknown.gif\" alt=\"[   ]\"></td><td><a href=\"")
                    .append(name)
                    .append("\">")
                    .append(name)
                    .append("</a></td><td align=\"right\">2023-04-06 12:01  </td><td align=\"right\">428K</td></tr>\n");
        }
        html.append("   <tr><th colspan=\"4\"><hr></th></tr>\n</table>\n</body></html>\n");
        ex.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
        respond(ex, path, null, 200, html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void list(HttpExchange ex, String bucket, Map<String, String> q) throws IOException {
        String prefix = q.getOrDefault("prefix", "");
        String after = q.containsKey("continuation-token")
                ? new String(java.util.Base64.getDecoder().decode(q.get("continuation-token")), StandardCharsets.UTF_8)
                : q.get("start-after");
        int max = Math.min(pageSize, Integer.parseInt(q.getOrDefault("max-keys", "1000")));
        List<Map.Entry<String, Obj>> page = new ArrayList<>();
        boolean truncated = false;
        synchronized (this) {
            TreeMap<String, Obj> objects = buckets.getOrDefault(bucket, new TreeMap<>());
            for (Map.Entry<String, Obj> e : (after == null ? objects : objects.tailMap(after, false)).entrySet()) {
                if (!e.getKey().startsWith(prefix) || e.getValue().published().isAfter(clock.instant())) {
                    continue;
                }
                if (page.size() == max) {
                    truncated = true;
                    break;
                }
                page.add(e);
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append("<Name>")
                .append(bucket)
                .append("</Name><Prefix>")
                .append(prefix)
                .append("</Prefix>")
                .append("<KeyCount>")
                .append(page.size())
                .append("</KeyCount><MaxKeys>")
                .append(max)
                .append("</MaxKeys><IsTruncated>")
                .append(truncated)
                .append("</IsTruncated>");
        for (Map.Entry<String, Obj> e : page) {
            xml.append("<Contents><Key>")
                    .append(e.getKey())
                    .append("</Key><LastModified>2024-01-01T00:00:00.000Z")
                    .append("</LastModified><ETag>")
                    .append(e.getValue().etag().replace("\"", "&quot;"))
                    .append("</ETag><Size>")
                    .append(e.getValue().bytes().length)
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        if (truncated) {
            String token = java.util.Base64.getEncoder()
                    .encodeToString(page.get(page.size() - 1).getKey().getBytes(StandardCharsets.UTF_8));
            xml.append("<NextContinuationToken>").append(token).append("</NextContinuationToken>");
        }
        xml.append("</ListBucketResult>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        respond(ex, ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery(), null, 200, body);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Counts of requests by status, for assertions. */
    public Map<Integer, Integer> statusCounts() {
        Map<Integer, Integer> counts = new HashMap<>();
        log.forEach(l -> counts.merge(l.status(), 1, Integer::sum));
        return counts;
    }
}
