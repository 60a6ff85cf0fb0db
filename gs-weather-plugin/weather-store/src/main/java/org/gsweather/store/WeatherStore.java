package org.gsweather.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A file or a directory of GRIB2 or NetCDF files, followed: new files appear, changed files are read
 * again, removed files disappear, each within a poll interval, without a restart. A file is served
 * once it has settled (unchanged for a poll interval, GRIB2 ending in {@code 7777}, HDF5 as long as its
 * superblock says); a file that cannot be read is logged once with the reason and skipped, and every
 * other file keeps serving. Retention hides (and, when asked, deletes) files of old runs.
 *
 * <p>Requests read {@link #snapshot()}: one immutable state, replaced as a whole when files change.
 * Files that leave the store are closed a grace period later, so that requests still reading them finish.
 */
public final class WeatherStore implements Closeable {
    private static final Logger LOG = Logger.getLogger(WeatherStore.class.getName());
    /** How long a file that left the store stays open for requests that are still reading it. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(30);
    /** How long a file that cannot be read is taken to be still arriving before it is reported. */
    static final Duration ARRIVAL_GRACE = Duration.ofSeconds(30);

    private final StoreSettings settings;
    private final FieldCache cache;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Path spool;
    private final Map<Path, Tracked> tracked = new HashMap<>();
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<StoreFile> deleted = new HashSet<>();
    private volatile StoreSnapshot snapshot = StoreSnapshot.EMPTY;
    private ScheduledFuture<?> polling;
    private boolean closed;

    /** What the store knows of one path: its size and time when last seen, and what came of reading it. */
    private record Tracked(long size, Instant modified, Instant firstSeen, StoreFile open, String rejection) {
        boolean same(long s, Instant m) {
            return size == s && modified.equals(m);
        }
    }

    private WeatherStore(StoreSettings settings, FieldCache cache, Clock clock, ScheduledExecutorService executor)
            throws IOException {
        this.settings = settings;
        this.cache = cache;
        this.clock = clock;
        this.executor = executor;
        this.spool = Files.createTempDirectory("gsweather-spool-");
        this.spool.toFile().deleteOnExit();
    }

    /**
     * Opens a store and reads what it holds now; with an executor, follows its directory every poll
     * interval from then on.
     *
     * @throws InvalidStoreException when the location does not exist or is a file of the other format
     */
    public static WeatherStore open(
            StoreSettings settings, FieldCache cache, Clock clock, ScheduledExecutorService executor)
            throws IOException {
        check(settings);
        WeatherStore store = new WeatherStore(settings, cache, clock, executor);
        store.refresh();
        if (executor != null && Files.isDirectory(settings.location())) {
            long ms = settings.pollInterval().toMillis();
            store.polling = executor.scheduleWithFixedDelay(store::poll, ms, ms, TimeUnit.MILLISECONDS);
        }
        return store;
    }

    /**
     * Checks that a store can be created on a location: it exists, and a single file is of the store's
     * format.
     *
     * @throws InvalidStoreException with a one-line message for the user
     */
    public static void check(StoreSettings settings) {
        Path location = settings.location();
        String type = "Weather " + settings.format().label();
        if (!Files.exists(location)) {
            throw new InvalidStoreException(type + " store: " + location + " does not exist");
        }
        if (!Files.isReadable(location)) {
            throw new InvalidStoreException(type + " store: " + location + " cannot be read (permissions?)");
        }
        if (Files.isRegularFile(location)) {
            FileFormat f;
            try {
                f = FileFormat.detect(location);
            } catch (IOException e) {
                throw new InvalidStoreException(type + " store: cannot read " + location + ": " + e.getMessage());
            }
            if (f == null) {
                throw new InvalidStoreException(type + " store: " + location + " is neither GRIB2 nor NetCDF");
            }
            if (f != settings.format()) {
                throw new InvalidStoreException(type + " store: " + location.getFileName() + " is a " + f.label()
                        + " file: create a Weather " + f.label() + " store for it");
            }
        }
    }

    public StoreSettings settings() {
        return settings;
    }

    /** What the store serves now. */
    public StoreSnapshot snapshot() {
        return snapshot;
    }

    public FieldCache cache() {
        return cache;
    }

    /**
     * Tells {@code listener} of every new state the store publishes from now on (on the thread that found the change,
     * while the store holds its lock: hand work over to another thread and return).
     */
    public void addListener(SnapshotListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SnapshotListener listener) {
        listeners.remove(listener);
    }

    private void poll() {
        try {
            refresh();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Weather store " + settings.location() + ": " + e.getMessage(), e);
        }
    }

    /** Looks at the location once: opens settled new files, drops removed ones, applies retention. */
    public synchronized void refresh() throws IOException {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        Map<Path, BasicFileAttributes> present = list();
        List<StoreFile> retired = new ArrayList<>();
        for (Map.Entry<Path, BasicFileAttributes> e : present.entrySet()) {
            Path path = e.getKey();
            long size = e.getValue().size();
            Instant modified = e.getValue().lastModifiedTime().toInstant();
            Tracked t = tracked.get(path);
            if (t != null && t.same(size, modified) && (t.open != null || t.rejection != null)) {
                continue;
            }
            if (t != null && t.open != null) {
                retired.add(t.open);
            }
            Instant firstSeen = t != null && t.same(size, modified) ? t.firstSeen : now;
            tracked.put(path, settle(path, size, modified, firstSeen, now));
        }
        for (Path gone : new ArrayList<>(tracked.keySet())) {
            if (!present.containsKey(gone)) {
                Tracked t = tracked.remove(gone);
                if (t.open != null) {
                    retired.add(t.open);
                }
            }
        }
        List<StoreFile> open = new ArrayList<>();
        List<StoreSnapshot.RejectedFile> rejected = new ArrayList<>();
        for (Map.Entry<Path, Tracked> e : tracked.entrySet()) {
            Tracked t = e.getValue();
            if (t.open != null && !deleted.contains(t.open)) {
                open.add(t.open);
            } else if (t.rejection != null) {
                rejected.add(new StoreSnapshot.RejectedFile(e.getKey(), t.rejection));
            }
        }
        List<StoreFile> hidden = Retention.expired(open, settings, now);
        if (settings.deleteExpired()) {
            for (StoreFile f : hidden) {
                delete(f);
            }
        }
        open.removeAll(hidden);
        open.sort(Comparator.comparing(StoreFile::path));
        rejected.sort(Comparator.comparing(StoreSnapshot.RejectedFile::path));
        StoreSnapshot old = snapshot;
        boolean changed = !old.files().equals(open)
                || !old.hidden().equals(hidden)
                || !old.rejected().equals(rejected);
        if (changed) {
            snapshot = new StoreSnapshot(open, CoverageCatalog.build(open), hidden, rejected);
        }
        for (StoreFile f : retired) {
            retire(f);
        }
        if (changed) {
            StoreMeters.CHANGES.increment();
            for (SnapshotListener l : listeners) {
                try {
                    l.snapshotChanged(this, old, snapshot);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Weather store " + settings.location() + ": a listener failed", e);
                }
            }
        }
    }

    /** Opens a file when it has settled; a file still arriving stays pending, one that cannot be read is rejected. */
    private Tracked settle(Path path, long size, Instant modified, Instant firstSeen, Instant now) {
        Duration settle = settings.pollInterval();
        boolean single = path.equals(settings.location()); // a store on one file reads it as soon as it is whole
        boolean quiet = single
                || !modified.plus(settle).isAfter(now)
                || !firstSeen.plus(settle).isAfter(now);
        if (!quiet) {
            return new Tracked(size, modified, firstSeen, null, null);
        }
        String incomplete = incomplete(path, size);
        // a GRIB2 file ending in 7777 or an HDF5 file as long as it says is whole: failing to read it is final;
        // other files (NetCDF-3, compressed) may still be arriving for a while
        boolean checkedWhole = incomplete == null && wholeCheckable(path);
        boolean arriving = !checkedWhole && modified.plus(ARRIVAL_GRACE).isAfter(now);
        if (incomplete != null) {
            if (arriving) {
                return new Tracked(size, modified, firstSeen, null, null);
            }
            return reject(path, size, modified, firstSeen, incomplete);
        }
        try {
            FileFormat f = FileFormat.detect(path);
            if (f != settings.format()) {
                String why = f == null
                        ? "neither GRIB2 nor NetCDF"
                        : "a " + f.label() + " file in a Weather "
                                + settings.format().label() + " store";
                return reject(path, size, modified, firstSeen, why);
            }
            long start = System.nanoTime();
            StoreFile file = StoreFile.open(path, size, modified, spool);
            StoreMeters.index(f).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            LOG.fine(() -> "Weather store " + settings.location() + ": serving " + path.getFileName() + " ("
                    + file.fields().size() + " fields)");
            return new Tracked(size, modified, firstSeen, file, null);
        } catch (NoSuchFileException e) {
            return new Tracked(size, modified, firstSeen, null, null);
        } catch (IOException | RuntimeException e) {
            if (arriving) {
                return new Tracked(size, modified, firstSeen, null, null);
            }
            return reject(path, size, modified, firstSeen, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Tracked reject(Path path, long size, Instant modified, Instant firstSeen, String why) {
        LOG.warning("Weather store " + settings.location() + ": skipping " + path + ": " + why);
        return new Tracked(size, modified, firstSeen, null, why);
    }

    /**
     * Why a file cannot be complete yet, or null: a GRIB2 file must end with {@code 7777}, an HDF5 file
     * must be as long as its superblock's end-of-file address.
     */
    static String incomplete(Path path, long size) {
        if (size < 8) {
            return "only " + size + " bytes";
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(64);
            ch.read(head, 0);
            head.flip();
            if (head.remaining() >= 8
                    && head.get(0) == 'G'
                    && head.get(1) == 'R'
                    && head.get(2) == 'I'
                    && head.get(3) == 'B') {
                ByteBuffer tail = ByteBuffer.allocate(4);
                ch.read(tail, size - 4);
                String end = new String(tail.array(), java.nio.charset.StandardCharsets.ISO_8859_1);
                return end.equals("7777")
                        ? null
                        : "GRIB2 file does not end with 7777 (cut short, or still being written)";
            }
            if (head.remaining() >= 64
                    && head.get(0) == (byte) 0x89
                    && head.get(1) == 'H'
                    && head.get(2) == 'D'
                    && head.get(3) == 'F') {
                long eof = hdf5EndOfFile(head);
                if (eof > size) {
                    return "HDF5 file is " + size + " bytes but its superblock says " + eof
                            + " (cut short, or still being written)";
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@link #incomplete} can tell a whole file (GRIB2 and HDF5 can; NetCDF-3 and compressed files cannot). */
    private static boolean wholeCheckable(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(4);
            ch.read(head, 0);
            return (head.get(0) == 'G' && head.get(1) == 'R' && head.get(2) == 'I' && head.get(3) == 'B')
                    || (head.get(0) == (byte) 0x89 && head.get(1) == 'H' && head.get(2) == 'D' && head.get(3) == 'F');
        } catch (IOException e) {
            return false;
        }
    }

    /** End-of-file address of an HDF5 superblock at offset 0 (versions 0 to 3), or -1. */
    private static long hdf5EndOfFile(ByteBuffer b) {
        b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int version = b.get(8);
        int offsetSize;
        int at;
        switch (version) {
            case 0 -> {
                offsetSize = b.get(13);
                at = 24 + 2 * offsetSize;
            }
            case 1 -> {
                offsetSize = b.get(13);
                at = 28 + 2 * offsetSize;
            }
            case 2, 3 -> {
                offsetSize = b.get(9);
                at = 12 + 2 * offsetSize;
            }
            default -> {
                return -1;
            }
        }
        if (offsetSize != 8 || at + 8 > b.limit()) {
            return offsetSize == 4 && at + 4 <= b.limit() ? Integer.toUnsignedLong(b.getInt(at)) : -1;
        }
        return b.getLong(at);
    }

    private Map<Path, BasicFileAttributes> list() throws IOException {
        Map<Path, BasicFileAttributes> out = new HashMap<>();
        Path location = settings.location();
        if (Files.isRegularFile(location)) {
            out.put(location, Files.readAttributes(location, BasicFileAttributes.class));
            return out;
        }
        if (!Files.isDirectory(location)) {
            return out;
        }
        try (Stream<Path> files = Files.list(location)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!settings.accepts(p)) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        out.put(p, a);
                    }
                } catch (NoSuchFileException e) {
                    // removed while listing
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    private void delete(StoreFile f) {
        if (deleted.add(f)) {
            try {
                Files.deleteIfExists(f.path());
                LOG.info("Weather store " + settings.location() + ": deleted expired "
                        + f.path().getFileName() + " (run " + f.run() + ")");
            } catch (IOException e) {
                LOG.warning("Weather store " + settings.location() + ": cannot delete expired " + f.path() + ": "
                        + e.getMessage());
            }
        }
    }

    /** Forgets a file's decoded fields now and closes it after {@link #CLOSE_GRACE}. */
    private void retire(StoreFile f) {
        cache.invalidate(f);
        deleted.remove(f);
        if (executor != null && !executor.isShutdown()) {
            executor.schedule(() -> closeQuietly(f), CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        // without an executor the file is left to the garbage collector: requests may still read it
    }

    private static void closeQuietly(StoreFile f) {
        try {
            f.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing " + f.path(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (polling != null) {
            polling.cancel(false);
        }
        for (Tracked t : tracked.values()) {
            if (t.open != null) {
                cache.invalidate(t.open);
                closeQuietly(t.open);
            }
        }
        tracked.clear();
        snapshot = StoreSnapshot.EMPTY;
        try (Stream<Path> s = Files.list(spool)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(spool);
    }
}
