package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMillis(100), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.allowRequest()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allowRequest()).isFalse();
    }

    @Test
    void letsOneProbeThroughAfterTheOpenDurationAndClosesOnItsSuccess() {
        tripOpen();
        now.addAndGet(Duration.ofMillis(100).toNanos());

        assertThat(breaker.allowRequest()).isTrue();
        assertThat(breaker.allowRequest()).isFalse();
        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allowRequest()).isTrue();
    }

    @Test
    void aFailedProbeReopensForAnotherFullDuration() {
        tripOpen();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(breaker.allowRequest()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofMillis(99).toNanos());
        assertThat(breaker.allowRequest()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(breaker.allowRequest()).isTrue();
        assertThat(breaker.timesOpened()).isEqualTo(2);
    }

    private void tripOpen() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
    }
}
