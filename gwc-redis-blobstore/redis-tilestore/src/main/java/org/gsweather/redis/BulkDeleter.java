package org.gsweather.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Runs the physical side of bulk deletes in one background thread: SCAN per primary node, conditional UNLINK in
 * per-shard Lua batches, progress and cursors saved in Redis after every batch so that any node can resume a job
 * after a restart. A lease in Redis keeps two nodes from running the same job.
 */
final class BulkDeleter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkDeleter.class);
    private static final long LEASE_MILLIS = 30_000;
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final RedisConnection connection;
    private final TileKeyBuilder keys;
    private final RedisTileStoreConfig config;
    private final TileStoreMetrics metrics;
    private final List<DeletionListener> listeners = new CopyOnWriteArrayList<>();
    private final String owner = UUID.randomUUID().toString();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread worker;
    private boolean wakeUp;
    private boolean idle;
    private volatile boolean closed;
    /** Redis failed on the last poll (logged once per outage). */
    private boolean failing;

    BulkDeleter(
            RedisConnection connection, TileKeyBuilder keys, RedisTileStoreConfig config, TileStoreMetrics metrics) {
        this.connection = connection;
        this.keys = keys;
        this.config = config;
        this.metrics = metrics;
        this.worker = new Thread(this::runLoop, "gsweather-redis-bulk-delete");
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    void addListener(DeletionListener listener) {
        listeners.add(listener);
    }

    void removeListener(DeletionListener listener) {
        listeners.remove(listener);
    }

    /** Records the job in Redis (from then on it survives a restart) and wakes the worker. */
    void submit(DeletionJob job) {
        connection.client().hset(keys.jobs(), job.id(), job.encode(keys));
        wake();
    }

    static String newJobId() {
        return Long.toString(System.currentTimeMillis(), 36) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    void wake() {
        lock.lock();
        try {
            wakeUp = true;
            idle = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until this node's worker has found no job left in Redis; {@code false} on timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!idle) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    List<DeletionProgress> progress() {
        UnifiedJedis redis = connection.client();
        List<DeletionProgress> out = new ArrayList<>();
        for (Map.Entry<String, String> e : redis.hgetAll(keys.jobs()).entrySet()) {
            DeletionJob job = DeletionJob.decode(e.getKey(), e.getValue(), keys);
            Map<String, String> p = redis.hgetAll(progressKey(job.id()));
            out.add(new DeletionProgress(
                    job.id(),
                    job.kind(),
                    job.layerName(),
                    parse(p.get("scanned")),
                    parse(p.get("deleted")),
                    parse(p.get("bytes"))));
        }
        return out;
    }

    private void runLoop() {
        while (!closed) {
            boolean didWork = false;
            consumeWakeUp();
            try {
                Map<String, String> jobs = connection.client().hgetAll(keys.jobs());
                for (Map.Entry<String, String> e : jobs.entrySet()) {
                    if (closed) {
                        return;
                    }
                    DeletionJob job = DeletionJob.decode(e.getKey(), e.getValue(), keys);
                    if (acquireLease(job.id())) {
                        run(job);
                        didWork = true;
                    }
                }
                if (jobs.isEmpty()) {
                    markIdle();
                }
                if (!didWork) {
                    waitForWork(POLL_INTERVAL);
                }
                failing = false;
            } catch (RuntimeException e) {
                metrics.bulkFailures.increment();
                if (!failing) {
                    LOG.warn(
                            "Bulk delete paused after a Redis error, retrying every {} ms: {}",
                            RETRY_DELAY.toMillis(),
                            e.toString());
                }
                failing = true;
                waitForWork(RETRY_DELAY);
            }
        }
    }

    private void run(DeletionJob job) {
        LOG.info("Bulk delete {} ({} of layer '{}') running", job.id(), job.kind(), job.layerName());
        boolean complete = scanPhase(job, "t", job.tilePattern())
                && (job.statePattern() == null || scanPhase(job, "s", job.statePattern()));
        if (!complete) {
            if (closed) {
                releaseLease(job.id());
            }
            return;
        }
        UnifiedJedis redis = connection.client();
        if (job.kind() == DeletionJob.Kind.RANGE) {
            List<byte[]> args = new ArrayList<>();
            args.add(bytes(job.id()));
            job.rangeZooms().forEach(z -> args.add(bytes(String.valueOf(z))));
            for (int s = 0; s < keys.shards(); s++) {
                LuaScript.FINISH_RANGE.run(
                        redis,
                        List.of(
                                bytes(keys.shardState(job.rangeCache(), s)),
                                bytes(keys.shardFloor(job.rangeCache(), s))),
                        args);
            }
        }
        Map<String, String> p = redis.hgetAll(progressKey(job.id()));
        redis.hdel(keys.jobs(), job.id());
        redis.del(progressKey(job.id()));
        redis.del(keys.jobLease(job.id()));
        LOG.info(
                "Bulk delete {} done: {} keys scanned, {} tiles deleted",
                job.id(),
                parse(p.get("scanned")),
                parse(p.get("deleted")));
    }

    /** One SCAN pass over every primary; {@code false} when the lease was lost or the deleter closed. */
    private boolean scanPhase(DeletionJob job, String phase, String pattern) {
        UnifiedJedis redis = connection.client();
        String progress = progressKey(job.id());
        ScanParams params = new ScanParams().match(pattern).count(config.deleteScanCount());
        for (HostAndPort node : connection.primaries()) {
            String doneField = "done:" + phase + ":" + node;
            String cursorField = "cursor:" + phase + ":" + node;
            if (redis.hget(progress, doneField) != null) {
                continue;
            }
            String cursor = redis.hget(progress, cursorField);
            if (cursor == null) {
                cursor = ScanParams.SCAN_POINTER_START;
            }
            try (Jedis scanner = connection.open(node)) {
                do {
                    if (closed || !renewLease(job.id())) {
                        return false;
                    }
                    ScanResult<String> page = scanner.scan(cursor, params);
                    List<String> found = page.getResult();
                    long deleted = 0;
                    long bytes = 0;
                    if (phase.equals("t")) {
                        long[] counts = deleteDeadTiles(job, found);
                        deleted = counts[0];
                        bytes = counts[1];
                    } else {
                        for (String stateKey : found) {
                            LuaScript.DROP_STATE.run(
                                    redis,
                                    List.of(bytes(stateKey), bytes(keys.shardFloorOfState(stateKey))),
                                    List.of());
                        }
                    }
                    cursor = page.getCursor();
                    Map<String, String> update = new HashMap<>();
                    update.put(cursorField, cursor);
                    if (page.isCompleteIteration()) {
                        update.put(doneField, "1");
                    }
                    redis.hset(progress, update);
                    redis.hincrBy(progress, "scanned", found.size());
                    if (deleted > 0) {
                        redis.hincrBy(progress, "deleted", deleted);
                        redis.hincrBy(progress, "bytes", bytes);
                    }
                    metrics.bulkKeysScanned.add(found.size());
                    pause();
                } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            }
        }
        return true;
    }

    private long[] deleteDeadTiles(DeletionJob job, List<String> tileKeys) {
        Map<String, List<TileLocation>> byShard = new LinkedHashMap<>();
        Map<String, List<String>> keysByShard = new LinkedHashMap<>();
        for (String key : tileKeys) {
            TileLocation location = keys.parseTileKey(key);
            if (location == null) {
                continue;
            }
            if (job.kind() == DeletionJob.Kind.RANGE
                    && !job.rangeZooms().contains(location.index().z())) {
                continue;
            }
            String state = keys.shardStateOfTileKey(key);
            byShard.computeIfAbsent(state, s -> new ArrayList<>()).add(location);
            keysByShard.computeIfAbsent(state, s -> new ArrayList<>()).add(key);
        }
        long deleted = 0;
        long bytes = 0;
        List<DeletedTile> reported = new ArrayList<>();
        for (Map.Entry<String, List<TileLocation>> e : byShard.entrySet()) {
            List<TileLocation> locations = e.getValue();
            List<String> tileKeysOfShard = keysByShard.get(e.getKey());
            List<DeletedTile> removed = RedisTileStore.deleteInShard(
                    connection.client(), e.getKey(), tileKeysOfShard, locations, false, reported);
            for (DeletedTile d : removed) {
                deleted++;
                bytes += d.size();
            }
        }
        metrics.bulkTilesDeleted.add(deleted);
        metrics.bulkBytesDeleted.add(bytes);
        if (job.kind() == DeletionJob.Kind.RANGE && !reported.isEmpty()) {
            for (DeletionListener l : listeners) {
                try {
                    l.tilesDeleted(job.layerName(), reported);
                } catch (RuntimeException ex) {
                    LOG.warn("Deletion listener {} failed", l, ex);
                }
            }
        }
        return new long[] {deleted, bytes};
    }

    private boolean acquireLease(String jobId) {
        String ok = connection
                .client()
                .set(keys.jobLease(jobId), owner, SetParams.setParams().nx().px(LEASE_MILLIS));
        return "OK".equals(ok) || renewLease(jobId);
    }

    private boolean renewLease(String jobId) {
        Object r = LuaScript.RENEW_LEASE.run(
                connection.client(),
                List.of(bytes(keys.jobLease(jobId))),
                List.of(bytes(owner), bytes(String.valueOf(LEASE_MILLIS))));
        return Long.valueOf(1).equals(r);
    }

    /** Lets another node resume the job at once instead of after the lease expires. */
    private void releaseLease(String jobId) {
        try {
            LuaScript.RENEW_LEASE.run(
                    connection.client(), List.of(bytes(keys.jobLease(jobId))), List.of(bytes(owner), bytes("1")));
        } catch (RuntimeException e) {
            LOG.debug("Could not release the lease of job {}: {}", jobId, e.toString());
        }
    }

    private void pause() {
        long nanos = config.deleteBatchPause().toNanos();
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }

    private void consumeWakeUp() {
        lock.lock();
        try {
            wakeUp = false;
        } finally {
            lock.unlock();
        }
    }

    /** Idle only if nobody submitted or asked since this poll began. */
    private void markIdle() {
        lock.lock();
        try {
            if (!wakeUp) {
                idle = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void waitForWork(Duration max) {
        lock.lock();
        try {
            if (!wakeUp && !closed) {
                changed.await(max.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private String progressKey(String jobId) {
        return keys.jobLease(jobId).replace(":lease", ":progress");
    }

    private static long parse(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
