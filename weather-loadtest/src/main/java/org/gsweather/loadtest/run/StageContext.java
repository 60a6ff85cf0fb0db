package org.gsweather.loadtest.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.gsweather.loadtest.http.HttpConnection;
import org.gsweather.loadtest.http.Outcome;
import org.gsweather.loadtest.pattern.RequestSource;
import org.gsweather.loadtest.scenario.LoadModel;
import org.gsweather.loadtest.scenario.StagePlan;

/** What a load loop needs to run one stage, and what it leaves behind. */
final class StageContext {
    final StagePlan plan;
    final RequestSource source;
    final boolean scheduled;
    final List<HttpConnection> connections;
    final StageMetrics metrics;
    final RunControl control;
    final long startNanos;
    final long deadlineNanos;
    /** How long requests still in flight at the deadline may take to finish. */
    final long graceNanos;

    final AtomicLong lastDone;
    final AtomicLong sent = new AtomicLong();
    volatile boolean dropping;
    long unsent;

    /** Opens every connection before the stage's clock starts, waiting at most the given time. */
    static void openAll(List<HttpConnection> connections, long timeoutNanos) throws InterruptedException {
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(connections.size());
        connections.forEach(c -> c.open(open::countDown));
        open.await(timeoutNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    StageContext(
            StagePlan plan,
            RequestSource source,
            boolean scheduled,
            List<HttpConnection> connections,
            StageMetrics metrics,
            RunControl control,
            long startNanos,
            long graceNanos) {
        this.plan = plan;
        this.source = source;
        this.scheduled = scheduled;
        this.metrics = metrics;
        this.control = control;
        this.startNanos = startNanos;
        this.deadlineNanos = Math.min(startNanos + plan.duration().toNanos(), control.deadlineNanos());
        this.graceNanos = graceNanos;
        this.lastDone = new AtomicLong(startNanos);
        this.connections = List.copyOf(connections);
    }

    /** Records an outcome, unless the run was interrupted (requests cut off by Ctrl-C are not results). */
    /** Sends the stage's requests with its load model: open (on a clock) or closed (clients in turn). */
    void run() throws InterruptedException {
        if (plan.model() == LoadModel.OPEN) {
            OpenLoop.run(this);
        } else {
            ClosedLoop.run(this);
        }
    }

    void record(Outcome o) {
        if (!dropping) {
            metrics.record(o);
            lastDone.accumulateAndGet(o.doneNanos(), Math::max);
        }
    }

    boolean stopping() {
        return control.interrupted() || System.nanoTime() >= deadlineNanos;
    }

    /** Waits until the given time; false when the run was interrupted meanwhile. */
    boolean sleepUntil(long nanoTime) {
        long d;
        while ((d = nanoTime - System.nanoTime()) > 0) {
            if (control.interrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(d, 50_000_000L));
        }
        return !control.interrupted();
    }

    /** Drops whatever is still in flight: closes the sockets, stops recording. */
    void abandon() {
        dropping = true;
        connections.forEach(HttpConnection::close);
    }
}
