package org.gsweather.loadtest.run;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.gsweather.loadtest.http.HttpConnection;
import org.gsweather.loadtest.request.PlannedRequest;

/**
 * The open model, as wrk2 does it: request i is due at {@code start + i / rate} (or at the time its pattern gives
 * it), whatever the server does. It goes out on the first free connection at or after that time, and its latency
 * counts from when it was due, so time spent waiting behind a stalled server is charged to the server instead of
 * vanishing (coordinated omission). Requests that fall due before the stage ends but find no free connection by then
 * are counted as unsent.
 */
final class OpenLoop {
    private OpenLoop() {}

    static void run(StageContext c) throws InterruptedException {
        ArrayBlockingQueue<HttpConnection> idle = new ArrayBlockingQueue<>(c.connections.size());
        idle.addAll(c.connections);
        AtomicInteger inFlight = new AtomicInteger();
        HttpConnection.Callback done = (conn, o) -> {
            c.record(o);
            inFlight.decrementAndGet();
            idle.offer(conn);
        };
        double nanosPerRequest = c.plan.rate() > 0 ? 1e9 / c.plan.rate() : 0;
        long i = 0;
        PlannedRequest r;
        while (!c.control.interrupted() && (r = c.source.next()) != null) {
            long due = c.startNanos + offset(r, i++, nanosPerRequest, c.scheduled);
            if (due >= c.deadlineNanos) {
                break;
            }
            if (!c.sleepUntil(due)) {
                break;
            }
            HttpConnection conn = freeConnection(idle, c);
            if (conn == null) {
                if (!c.control.interrupted()) {
                    c.unsent = 1 + countDue(c, i, nanosPerRequest);
                }
                break;
            }
            inFlight.incrementAndGet();
            c.sent.incrementAndGet();
            conn.send(r, due, done);
        }
        long giveUp = c.deadlineNanos + c.graceNanos;
        while (inFlight.get() > 0) {
            if (c.control.interrupted() || System.nanoTime() > giveUp) {
                c.abandon();
                return;
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private static long offset(PlannedRequest r, long index, double nanosPerRequest, boolean scheduled) {
        if (scheduled && r.dueNanos() != PlannedRequest.UNSCHEDULED) {
            return r.dueNanos();
        }
        return Math.round(index * nanosPerRequest);
    }

    /** A free connection, waiting for one until the stage's deadline; null when none came free in time. */
    private static HttpConnection freeConnection(ArrayBlockingQueue<HttpConnection> idle, StageContext c)
            throws InterruptedException {
        HttpConnection conn = idle.poll();
        while (conn == null) {
            long left = c.deadlineNanos - System.nanoTime();
            if (left <= 0 || c.control.interrupted()) {
                return null;
            }
            conn = idle.poll(Math.min(left, 50_000_000L), TimeUnit.NANOSECONDS);
        }
        return conn;
    }

    /** The further requests that fell due before the deadline (none of them could be sent). */
    private static long countDue(StageContext c, long index, double nanosPerRequest) {
        long n = 0;
        PlannedRequest r;
        while ((r = c.source.next()) != null
                && c.startNanos + offset(r, index++, nanosPerRequest, c.scheduled) < c.deadlineNanos) {
            n++;
        }
        return n;
    }
}
