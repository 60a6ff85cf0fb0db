package org.gsweather.loadtest.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gsweather.loadtest.http.HttpConnection;
import org.gsweather.loadtest.http.Outcome;
import org.gsweather.loadtest.request.PlannedRequest;

/**
 * The closed model: each connection is a client that sends its next request when the previous one has answered
 * (after the think time), until the stage's time or requests run out. Latency counts from the actual send.
 */
final class ClosedLoop {
    private ClosedLoop() {}

    static void run(StageContext c) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(c.connections.size());
        long think = c.plan.thinkTime().toNanos();
        HttpConnection.Callback done = new HttpConnection.Callback() {
            @Override
            public void done(HttpConnection conn, Outcome o) {
                c.record(o);
                if (think > 0 && !c.stopping()) {
                    conn.later(() -> next(conn), think);
                } else {
                    next(conn);
                }
            }

            private void next(HttpConnection conn) {
                PlannedRequest r = c.stopping() ? null : c.source.next();
                if (r == null) {
                    finished.countDown();
                    return;
                }
                c.sent.incrementAndGet();
                conn.send(r, 0, this);
            }
        };
        for (HttpConnection conn : c.connections) {
            PlannedRequest r = c.source.next();
            if (r == null) {
                finished.countDown();
                continue;
            }
            c.sent.incrementAndGet();
            conn.send(r, 0, done);
        }
        long giveUp = c.deadlineNanos + c.graceNanos;
        while (!finished.await(50, TimeUnit.MILLISECONDS)) {
            if (c.control.interrupted() || System.nanoTime() > giveUp) {
                c.abandon();
                return;
            }
        }
    }
}
