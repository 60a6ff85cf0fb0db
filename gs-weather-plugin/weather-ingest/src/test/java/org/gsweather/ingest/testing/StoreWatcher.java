package org.gsweather.ingest.testing;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gsweather.FieldFiles;
import org.gsweather.field.FieldFile;

/**
 * Watches a store directory while files arrive (inotify through {@link WatchService}): every data file
 * (not dot-named) that appears or changes is opened with weather-core at once; one that does not open
 * whole is a violation. Files placed by an atomic rename appear complete; a file written in place would
 * be seen while partial.
 */
public final class StoreWatcher implements AutoCloseable {
    private final Path dir;
    private final WatchService watch;
    private final Thread thread;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public StoreWatcher(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.watch = FileSystems.getDefault().newWatchService();
        dir.register(
                watch,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "store-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private volatile boolean stopping;

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (key == null) {
                    if (stopping) {
                        return; // every event up to the stop was handled
                    }
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        violation("event overflow: some changes were not seen");
                        continue;
                    }
                    String name = event.context().toString();
                    if (name.startsWith(".") || event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                        continue;
                    }
                    seen.add(name);
                    check(dir.resolve(name));
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void check(Path file) {
        if (!Files.exists(file)) {
            return; // removed (retention) before it could be opened
        }
        try (FieldFile f = FieldFiles.open(file)) {
            if (f.fields().isEmpty()) {
                violation(file.getFileName() + ": no fields");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException | RuntimeException e) {
            violation(file.getFileName() + " was visible incomplete: " + e.getMessage());
        }
    }

    private synchronized void violation(String message) {
        violations.add(message);
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** Data file names that appeared while watching. */
    public Set<String> seen() {
        return Set.copyOf(seen);
    }

    /** Handles the events still queued, then stops. */
    @Override
    public void close() throws IOException {
        stopping = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watch.close();
    }
}
