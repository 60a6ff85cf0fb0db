package org.gsweather.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gsweather.ingest.http.Fetcher;
import org.gsweather.ingest.http.ObjectChangedException;
import org.gsweather.ingest.http.TransferListener;
import org.gsweather.ingest.inventory.ByteRangePlan;
import org.gsweather.ingest.store.StoreDirectory;

/**
 * Fetches one remote object (or the planned ranges of it) into the store's partial directory, resuming
 * what an earlier try left there. Beside the partial file, {@code NAME.part.meta} says which object and
 * ranges it holds the start of (and the object's ETag): a partial file of another plan is discarded, not
 * resumed.
 */
final class FileFetch {
    static final String PART = ".part";
    static final String META = ".part.meta";

    private FileFetch() {}

    /**
     * Fetches into {@code .partial/<partialName>.part} and returns that path, complete but not verified.
     *
     * @param expectedSize size of the remote object when known, -1 otherwise
     */
    static Path fetch(
            Fetcher fetcher,
            StoreDirectory store,
            String partialName,
            URI uri,
            ByteRangePlan plan,
            long expectedSize,
            TransferListener listener)
            throws IOException, InterruptedException {
        store.create();
        Path part = store.partial(partialName, PART);
        Path meta = store.partial(partialName, META);
        String identity = identity(uri, plan);
        Optional<String> etag = Optional.empty();
        Optional<String[]> saved = readMeta(meta);
        if (saved.isPresent() && saved.get()[0].equals(identity)) {
            etag = Optional.ofNullable(saved.get()[1]);
        } else {
            Files.deleteIfExists(part);
            writeMeta(meta, identity, null);
        }
        for (int tries = 0; ; tries++) {
            try {
                fetcher.download(
                        uri, plan, part, etag, expectedSize, listener, e -> writeMetaQuietly(meta, identity, e));
                return part;
            } catch (ObjectChangedException e) {
                if (tries > 0) {
                    throw e;
                }
                // The object was replaced since the partial file was started: start over, once.
                Files.deleteIfExists(part);
                writeMeta(meta, identity, null);
                etag = Optional.empty();
            }
        }
    }

    /** Removes the partial file and its description (after publishing, or after a failed verification). */
    static void discard(StoreDirectory store, String partialName) throws IOException {
        Files.deleteIfExists(store.partial(partialName, PART));
        Files.deleteIfExists(store.partial(partialName, META));
    }

    private static String identity(URI uri, ByteRangePlan plan) {
        StringBuilder b = new StringBuilder(uri.toString());
        for (ByteRangePlan.Request r : plan.requests()) {
            for (ByteRangePlan.Segment s : r.keep()) {
                b.append(' ').append(s.start()).append('-').append(s.openEnded() ? "" : Long.toString(s.end()));
            }
        }
        return b.toString();
    }

    /** Line 1 the identity, line 2 the ETag (absent when unknown). */
    private static Optional<String[]> readMeta(Path meta) throws IOException {
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        String[] lines = Files.readString(meta, StandardCharsets.UTF_8).split("\n", -1);
        return Optional.of(new String[] {lines[0], lines.length > 1 && !lines[1].isEmpty() ? lines[1] : null});
    }

    private static void writeMeta(Path meta, String identity, String etag) throws IOException {
        Path tmp = meta.resolveSibling(meta.getFileName() + ".tmp");
        Files.writeString(tmp, identity + "\n" + (etag == null ? "" : etag) + "\n", StandardCharsets.UTF_8);
        Files.move(
                tmp,
                meta,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeMetaQuietly(Path meta, String identity, String etag) {
        try {
            writeMeta(meta, identity, etag);
        } catch (IOException e) {
            // Without the ETag a resumption cannot ask If-Range; verification still checks the result.
        }
    }
}
