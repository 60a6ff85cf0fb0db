package org.gsweather.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON status file: per source, the last poll, the newest run and whether it is complete, totals, and
 * the latest errors. Rewritten atomically after every poll, so a monitor never reads half a file.
 */
final class IngestStatus {
    private static final int ERRORS_KEPT = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** An error, when it happened and what it was about. */
    record Error(String time, String message) {}

    /** What the status file says of one source. */
    static final class SourceStatus {
        String lastPoll;
        String latestRun;
        boolean latestRunComplete;
        String lastIngest;
        long files;
        long bytes;
        long requests;
        long retries;
        long errors;
        final Deque<Error> recentErrors = new ArrayDeque<>();
    }

    private final Path file;
    private final Map<String, SourceStatus> sources = new LinkedHashMap<>();

    IngestStatus(Path file, List<String> names) {
        this.file = file;
        names.forEach(n -> sources.put(n, new SourceStatus()));
    }

    synchronized void error(String source, Instant time, String message) {
        Deque<Error> errors = sources.get(source).recentErrors;
        errors.addFirst(new Error(time.toString(), message));
        while (errors.size() > ERRORS_KEPT) {
            errors.removeLast();
        }
    }

    synchronized void ingested(String source, Instant time) {
        sources.get(source).lastIngest = time.toString();
    }

    synchronized void polled(
            String source, Instant time, Instant latestRun, boolean complete, IngestMetrics.Counters c) {
        SourceStatus s = sources.get(source);
        s.lastPoll = time.toString();
        if (latestRun != null) {
            s.latestRun = latestRun.toString();
            s.latestRunComplete = complete;
        }
        s.files = c.files();
        s.bytes = c.bytes();
        s.requests = c.requests();
        s.retries = c.retries();
        s.errors = c.errors();
    }

    /** Writes the file (temporary file, then atomic rename). */
    synchronized void write(Instant now) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("updated", now.toString());
        Map<String, Object> all = new LinkedHashMap<>();
        sources.forEach((name, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lastPoll", s.lastPoll);
            m.put("latestRun", s.latestRun);
            m.put("latestRunComplete", s.latestRunComplete);
            m.put("lastIngest", s.lastIngest);
            m.put("files", s.files);
            m.put("bytes", s.bytes);
            m.put("requests", s.requests);
            m.put("retries", s.retries);
            m.put("errors", s.errors);
            m.put("recentErrors", new ArrayList<>(s.recentErrors));
            all.put(name, m);
        });
        root.put("sources", all);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
