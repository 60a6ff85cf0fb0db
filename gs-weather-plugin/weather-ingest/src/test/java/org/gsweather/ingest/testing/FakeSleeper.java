package org.gsweather.ingest.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gsweather.ingest.http.Sleeper;

/** A sleeper that advances a {@link FakeClock} at once instead of waiting, and remembers each sleep. */
public final class FakeSleeper implements Sleeper {
    private final FakeClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeSleeper(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        synchronized (sleeps) {
            sleeps.add(duration);
        }
        clock.advance(duration);
    }

    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }
}
