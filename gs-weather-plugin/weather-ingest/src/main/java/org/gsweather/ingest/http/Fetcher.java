package org.gsweather.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gsweather.ingest.inventory.ByteRangePlan;
import org.gsweather.ingest.inventory.ByteRangePlan.Request;
import org.gsweather.ingest.inventory.ByteRangePlan.Segment;

/**
 * HTTP GETs with retries, resumption and pacing, on {@link HttpClient}. Small objects (inventories,
 * listings) come back as text; files are fetched by a {@link ByteRangePlan} into a partial file, resuming
 * from the bytes it already holds. Thread-safe: one fetcher serves all downloads.
 */
public final class Fetcher implements AutoCloseable {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /**
     * @param connectTimeout wait for a connection
     * @param readTimeout wait for response headers, and longest silence inside a body
     * @param retry when to try again
     * @param userAgent the {@code User-Agent} header
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, String userAgent) {}

    /** What a download ended with. */
    public record Downloaded(long bytesWritten, Optional<String> etag) {}

    private final HttpClient client;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BandwidthLimiter limiter;
    private final Random random;

    /**
     * @param limiter shared pacing of all downloads, null for none
     * @param random jitter of the backoffs
     */
    public Fetcher(
            HttpClient client,
            Settings settings,
            Clock clock,
            Sleeper sleeper,
            BandwidthLimiter limiter,
            Random random) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.limiter = limiter;
        this.random = random;
    }

    /** A client with this fetcher's connect timeout, following redirects as browsers do. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * GETs a small text object (an inventory, a listing page).
     *
     * @return empty when the object is not there (404)
     * @throws IOException when the tries are exhausted or the status says more tries would not help
     */
    public Optional<String> text(URI uri, TransferListener listener) throws IOException, InterruptedException {
        int failures = 0;
        while (true) {
            HttpRequest request = request(uri).GET().build();
            listener.request();
            Optional<Duration> wait;
            String reason;
            try {
                HttpResponse<java.util.concurrent.Flow.Publisher<List<ByteBuffer>>> response =
                        client.send(request, HttpResponse.BodyHandlers.ofPublisher());
                try (BodyStream body = new BodyStream()) {
                    response.body().subscribe(body);
                    int status = response.statusCode();
                    if (status == 200) {
                        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                        for (ByteBuffer b; (b = body.next(settings.readTimeout())) != null; ) {
                            byte[] chunk = new byte[b.remaining()];
                            b.get(chunk);
                            bytes.write(chunk);
                        }
                        listener.bytes(bytes.size());
                        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
                    }
                    if (status == 404 || status == 410) {
                        return Optional.empty();
                    }
                    if (!RetryPolicy.retryable(status)) {
                        throw new HttpStatusException(uri, status);
                    }
                    reason = "HTTP " + status;
                    wait = settings.retry().retryAfter(response.headers().firstValue("Retry-After"), clock);
                }
            } catch (HttpStatusException e) {
                throw e;
            } catch (IOException e) {
                reason = describe(e);
                wait = Optional.empty();
            }
            failures++;
            pause(uri, failures, reason, wait, listener);
        }
    }

    /**
     * Downloads the plan's segments into {@code target}, appending after the bytes it already holds (a
     * previous, interrupted download of the same plan).
     *
     * @param etag the object's ETag from the earlier part of this download, sent as {@code If-Range}
     * @param expectedSize size of the whole remote file when known (a listing says it), -1 otherwise
     * @throws NotPublishedException when the object (or the planned range) is not there
     * @throws ObjectChangedException when the object changed since {@code etag}
     */
    public Downloaded download(
            URI uri,
            ByteRangePlan plan,
            Path target,
            Optional<String> etag,
            long expectedSize,
            TransferListener listener)
            throws IOException, InterruptedException {
        return download(uri, plan, target, etag, expectedSize, listener, e -> {});
    }

    /**
     * As {@link #download(URI, ByteRangePlan, Path, Optional, long, TransferListener)}, telling {@code
     * etagSeen} the object's ETag as soon as a response shows it (to keep it beside the partial file, so that a
     * later resumption can send it as {@code If-Range}).
     */
    public Downloaded download(
            URI uri,
            ByteRangePlan plan,
            Path target,
            Optional<String> etag,
            long expectedSize,
            TransferListener listener,
            java.util.function.Consumer<String> etagSeen)
            throws IOException, InterruptedException {
        Optional<String> knownEtag = etag;
        try (FileChannel out = FileChannel.open(
                target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            int failures = 0;
            while (true) {
                Position at = position(plan, out.size());
                if (at == null) {
                    out.force(false);
                    return new Downloaded(out.size(), knownEtag);
                }
                Attempt attempt = new Attempt(uri, at, knownEtag, expectedSize, out, listener, etagSeen);
                long before = out.size();
                Optional<Duration> wait = Optional.empty();
                String reason;
                try {
                    attempt.run();
                    knownEtag = attempt.etag;
                    if (!attempt.shortBody) {
                        if (at.request().end() < 0) {
                            // The open-ended request is the plan's last: the object's end was reached.
                            out.force(false);
                            return new Downloaded(out.size(), knownEtag);
                        }
                        failures = 0;
                        continue;
                    }
                    reason = "body ended after " + (out.size() - before) + " bytes, before the range's end";
                } catch (RetryableStatus e) {
                    reason = "HTTP " + e.status;
                    wait = e.retryAfter;
                    knownEtag = attempt.etag;
                } catch (NotPublishedException | ObjectChangedException | HttpStatusException e) {
                    throw e;
                } catch (IOException e) {
                    reason = describe(e);
                    knownEtag = attempt.etag;
                }
                failures = out.size() > before ? 1 : failures + 1;
                pause(uri, failures, reason, wait, listener);
            }
        }
    }

    private void pause(URI uri, int failures, String reason, Optional<Duration> retryAfter, TransferListener listener)
            throws IOException, InterruptedException {
        if (failures >= settings.retry().attempts()) {
            throw new IOException(
                    uri + ": gave up after " + failures + " tries in a row without progress; last: " + reason);
        }
        Duration wait = retryAfter.orElseGet(() -> settings.retry().backoff(failures, random));
        listener.retry(reason);
        sleeper.sleep(wait);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).header("User-Agent", settings.userAgent());
    }

    /** Where the next request starts: the request of the plan and the remote offset. */
    private record Position(Request request, long from) {}

    /** The remote offset of the {@code done}-th kept byte; null when the plan is done. */
    private static Position position(ByteRangePlan plan, long done) {
        long kept = 0;
        for (Request r : plan.requests()) {
            for (Segment s : r.keep()) {
                if (s.openEnded()) {
                    return new Position(r, s.start() + (done - kept));
                }
                if (done < kept + s.length()) {
                    return new Position(r, s.start() + (done - kept));
                }
                kept += s.length();
            }
        }
        return null;
    }

    /** A status worth another try, with the server's Retry-After. */
    private static final class RetryableStatus extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Optional<Duration> retryAfter;

        RetryableStatus(int status, Optional<Duration> retryAfter) {
            super("HTTP " + status);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    /** One request: from a position to the end of its plan request, kept bytes appended to the file. */
    private final class Attempt {
        private final URI uri;
        private final Position at;
        private final long expectedSize;
        private final FileChannel out;
        private final TransferListener listener;
        private final java.util.function.Consumer<String> etagSeen;
        Optional<String> etag;
        boolean shortBody;

        Attempt(
                URI uri,
                Position at,
                Optional<String> etag,
                long expectedSize,
                FileChannel out,
                TransferListener listener,
                java.util.function.Consumer<String> etagSeen) {
            this.etagSeen = etagSeen;
            this.uri = uri;
            this.at = at;
            this.etag = etag;
            this.expectedSize = expectedSize;
            this.out = out;
            this.listener = listener;
        }

        void run() throws IOException, InterruptedException {
            Request planned = at.request();
            long end = planned.end();
            boolean ranged = at.from() > 0 || end >= 0;
            HttpRequest.Builder builder = request(uri).GET();
            if (ranged) {
                builder.header("Range", "bytes=" + at.from() + "-" + (end < 0 ? "" : Long.toString(end)));
                etag.ifPresent(e -> builder.header("If-Range", e));
            }
            listener.request();
            HttpResponse<java.util.concurrent.Flow.Publisher<List<ByteBuffer>>> response =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofPublisher());
            try (BodyStream body = new BodyStream()) {
                response.body().subscribe(body);
                int status = response.statusCode();
                if (status == 416
                        && end < 0
                        && at.from() > 0
                        && response.headers()
                                .firstValue("Content-Range")
                                .orElse("")
                                .equals("bytes */" + at.from())) {
                    return; // an earlier try already read to the end of the object
                }
                if (status == 404 || status == 410 || status == 416) {
                    throw new NotPublishedException(uri, status);
                }
                if (RetryPolicy.retryable(status)) {
                    throw new RetryableStatus(
                            status,
                            settings.retry().retryAfter(response.headers().firstValue("Retry-After"), clock));
                }
                if (status != 200 && status != 206) {
                    throw new HttpStatusException(uri, status);
                }
                Optional<String> newEtag = response.headers().firstValue("ETag");
                long position;
                long last;
                if (status == 206) {
                    Matcher m = CONTENT_RANGE.matcher(
                            response.headers().firstValue("Content-Range").orElse(""));
                    if (!m.matches() || Long.parseLong(m.group(1)) != at.from()) {
                        throw new IOException(uri + ": asked for bytes from " + at.from() + ", got Content-Range '"
                                + response.headers().firstValue("Content-Range").orElse("") + "'");
                    }
                    position = at.from();
                    last = Long.parseLong(m.group(2));
                    if (!"*".equals(m.group(3))) {
                        long total = Long.parseLong(m.group(3));
                        if (expectedSize >= 0 && total != expectedSize) {
                            throw new ObjectChangedException(uri);
                        }
                    }
                } else {
                    if (ranged && etag.isPresent()) {
                        throw new ObjectChangedException(uri);
                    }
                    // A server that ignores Range sends the whole object: read up to what we need.
                    position = 0;
                    last = response.headers().firstValueAsLong("Content-Length").orElse(-1L) - 1;
                }
                if (etag.isPresent() && newEtag.isPresent() && !etag.get().equals(newEtag.get())) {
                    throw new ObjectChangedException(uri);
                }
                if (newEtag.isPresent() && etag.isEmpty()) {
                    etag = newEtag;
                    etagSeen.accept(newEtag.get());
                }
                long wantedEnd = end < 0 ? last : Math.min(end, last < 0 ? end : last);
                long reached = copy(body, position, wantedEnd);
                long required = end >= 0 ? end : expectedSize >= 0 ? expectedSize - 1 : last;
                shortBody = required >= 0 && reached < required;
            }
        }

        /** Copies the body, keeping the plan request's segments; returns the last remote offset read. */
        private long copy(BodyStream body, long position, long wantedEnd) throws IOException, InterruptedException {
            long p = position;
            ByteBuffer chunk;
            while ((wantedEnd < 0 || p <= wantedEnd) && (chunk = body.next(settings.readTimeout())) != null) {
                int n = chunk.remaining();
                listener.bytes(n);
                if (limiter != null) {
                    limiter.acquire(n);
                }
                keep(chunk, p);
                p += n;
            }
            return p - 1;
        }

        /** Appends the bytes of {@code chunk} (remote offsets {@code p..}) that the plan keeps. */
        private void keep(ByteBuffer chunk, long p) throws IOException {
            int n = chunk.remaining();
            long from = Math.max(p, at.from());
            for (Segment s : at.request().keep()) {
                long start = Math.max(from, s.start());
                long end = Math.min(p + n - 1, s.openEnded() ? Long.MAX_VALUE : s.end());
                if (start <= end) {
                    ByteBuffer slice = chunk.duplicate();
                    slice.position(chunk.position() + (int) (start - p));
                    slice.limit(chunk.position() + (int) (end - p) + 1);
                    while (slice.hasRemaining()) {
                        out.write(slice);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        // nothing to release: the client's connections end with it
    }
}
