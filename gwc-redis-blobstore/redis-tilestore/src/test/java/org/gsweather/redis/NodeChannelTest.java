package org.gsweather.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes on one tile store's Redis tell each other news through the node channel. */
class NodeChannelTest {
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() throws IOException {
        redis = RedisServerProcess.launch();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static RedisTileStore node(String prefix) {
        return RedisTileStore.start(RedisTileStoreConfig.builder()
                .nodes(List.of(redis.address()))
                .keyPrefix(prefix)
                .breakerOpenDuration(Duration.ofMillis(200))
                .build());
    }

    private static final class Heard implements NodeChannel.Listener {
        final List<NodeChannel.Message> messages = new CopyOnWriteArrayList<>();
        final AtomicInteger gaps = new AtomicInteger();

        @Override
        public void onMessage(NodeChannel.Message message) {
            messages.add(message);
        }

        @Override
        public void onGap() {
            gaps.incrementAndGet();
        }
    }

    @Test
    void aMessageReachesTheOtherNodeButNotItsSender() {
        try (RedisTileStore a = node("ch1");
                RedisTileStore b = node("ch1");
                RedisTileStore elsewhere = node("ch2")) {
            Heard atA = new Heard();
            Heard atB = new Heard();
            Heard atOther = new Heard();
            a.channel().addListener(atA);
            b.channel().addListener(atB);
            elsewhere.channel().addListener(atOther);
            Await.until(
                    Duration.ofSeconds(10),
                    "all subscribed",
                    () -> a.channel().subscribed()
                            && b.channel().subscribed()
                            && elsewhere.channel().subscribed());

            assertThat(a.channel().publish("tiles-deleted", "wx:MRMS_REFL\twith a tab"))
                    .isTrue();

            Await.until(Duration.ofSeconds(5), "b heard a", () -> !atB.messages.isEmpty());
            assertThat(atB.messages)
                    .containsExactly(
                            new NodeChannel.Message(a.channel().nodeId(), "tiles-deleted", "wx:MRMS_REFL\twith a tab"));
            b.channel().publish("marker", "");
            Await.until(Duration.ofSeconds(5), "a heard b's marker", () -> !atA.messages.isEmpty());
            assertThat(atA.messages).extracting(NodeChannel.Message::kind).containsExactly("marker");
            assertThat(atOther.messages)
                    .as("another key prefix is another channel")
                    .isEmpty();
        }
    }

    @Test
    void aLostSubscriptionIsReportedAsAGapWhenItIsBack() throws IOException {
        try (RedisTileStore a = node("ch3");
                RedisTileStore b = node("ch3")) {
            Heard atB = new Heard();
            b.channel().addListener(atB);
            a.channel();
            Await.until(
                    Duration.ofSeconds(10),
                    "both subscribed",
                    () -> a.channel().subscribed() && b.channel().subscribed());

            redis.kill();
            Await.until(
                    Duration.ofSeconds(10),
                    "b lost its subscription",
                    () -> !b.channel().subscribed());
            assertThat(a.channel().publish("lost", "")).isFalse();
            redis.start();

            Await.until(Duration.ofSeconds(10), "b reports the gap", () -> atB.gaps.get() == 1);
            Await.until(
                    Duration.ofSeconds(10),
                    "a is subscribed again",
                    () -> a.channel().subscribed());
            a.channel().publish("after", "x");
            Await.until(Duration.ofSeconds(5), "b hears a again", () -> atB.messages.size() == 1);
            assertThat(atB.messages.get(0).kind()).isEqualTo("after");
        }
    }
}
