package org.gsweather.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gsweather.loadtest.TestTileServer;
import org.gsweather.loadtest.http.Endpoint;
import org.gsweather.loadtest.http.HttpDriver;
import org.gsweather.loadtest.pattern.RequestPattern;
import org.gsweather.loadtest.report.Report;
import org.gsweather.loadtest.report.StageReport;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.scenario.ScenarioOverrides;
import org.gsweather.loadtest.scenario.ScenarioPlan;
import org.gsweather.loadtest.scenario.Scenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunnerTest {

    private TestTileServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Numbered tiles of one layer at zoom 0, no timing of their own. */
    private static RequestPattern tiles() {
        AtomicLong n = new AtomicLong();
        return () -> new PlannedRequest("/tile?n=" + n.incrementAndGet(), "l", 0, PlannedRequest.UNSCHEDULED, true);
    }

    private Report run(String yaml, RunControl control) throws InterruptedException {
        ScenarioPlan plan = Scenarios.parse("t", yaml, ScenarioOverrides.NONE);
        try (HttpDriver driver =
                new HttpDriver(Endpoint.of(URI.create(server.url("/"))), plan.timeout(), Map.of(), 2, false)) {
            return new Runner(
                            plan,
                            (stage, index) -> tiles(),
                            driver,
                            new Progress(System.err, Progress.Mode.NONE),
                            control)
                    .run(server.url("/"));
        }
    }

    /** Requests of the warm-up stage that gets connections, client and server code going before a measured stage. */
    private static final int WARM_UP = 300;

    private static final String WARM_UP_STAGE =
            "{name: warmup, warmup: true, concurrency: 16, requests: " + WARM_UP + ", duration: 30s, model: closed}";

    /**
     * A server answering at once, except that when the 100th request after the warm-up arrives it stalls for half a
     * second: that request and every one arriving during the stall are answered when it ends.
     */
    private static TestTileServer.Responder stallingAtTheHundredth(long stallNanos) {
        AtomicInteger seen = new AtomicInteger();
        AtomicLong stallEnds = new AtomicLong();
        return x -> {
            if (seen.incrementAndGet() == WARM_UP + 100) {
                stallEnds.set(System.nanoTime() + stallNanos);
            }
            long ends = stallEnds.get();
            long wait = ends == 0 ? 0 : ends - System.nanoTime();
            Runnable answer = () -> x.respond(200, "image/png", TestTileServer.PNG, Map.of());
            if (wait > 0) {
                x.respondLater(wait, answer);
            } else {
                answer.run();
            }
        };
    }

    @Test
    void theOpenModelChargesAStallToEveryRequestDueDuringIt() throws Exception {
        server = new TestTileServer(stallingAtTheHundredth(500_000_000L));
        // 200 requests/s for 2 s: 400 due; the 100th (at 0.5 s) stalls the server until 1 s, so about 100 requests
        // fall due during the stall and wait for it: counted from when they were due, their latencies spread evenly
        // from 500 ms down to 0, a quarter of all requests is slow and p90 is about 300 ms
        Report r = run(
                "model: open\nstages: [" + WARM_UP_STAGE + ", {name: open, rate: 200, concurrency: 8, duration: 2s}]",
                new RunControl(1_000_000, Duration.ofMinutes(1)));
        StageReport s = r.stages().get(1);
        assertThat(s.total().errors()).isZero();
        assertThat(s.total().requests() + s.unsent()).isBetween(395L, 400L);
        assertThat(s.total().latencyMs().p90()).isBetween(150.0, 500.0);
        assertThat(s.total().latencyMs().max()).isBetween(450.0, 1500.0);
        // measured from the actual send, only the eight requests caught on the connections look slow
        assertThat(s.total().serviceTimeMs().p90()).isLessThan(100.0);
        assertThat(s.total().serviceTimeMs().max()).isGreaterThan(400.0);
    }

    @Test
    void theClosedModelHidesTheSameStallBehindFourSlowRequests() throws Exception {
        server = new TestTileServer(stallingAtTheHundredth(500_000_000L));
        Report r = run(
                "stages: [" + WARM_UP_STAGE + ", {name: closed, concurrency: 4, duration: 2s}]",
                new RunControl(1_000_000, Duration.ofMinutes(1)));
        StageReport s = r.stages().get(1);
        assertThat(s.total().latencyMs().max()).isGreaterThan(400.0);
        // coordinated omission: while the server stalled, the four clients sent nothing, so p99 stays small
        assertThat(s.total().latencyMs().p99()).isLessThan(100.0);
        assertThat(s.total().serviceTimeMs()).isNull();
    }

    @Test
    void requestsThatFindNoFreeConnectionBeforeTheEndAreCountedUnsent() throws Exception {
        // the server never answers: two connections take two requests, the other 48 due in 0.5 s are never sent
        server = new TestTileServer(x -> {});
        Report r = run(
                "model: open\ntimeout: 1s\nstages: [{rate: 100, concurrency: 2, duration: 500ms}]",
                new RunControl(1_000_000, Duration.ofMinutes(1)));
        StageReport s = r.stages().get(0);
        assertThat(s.total().errorsByKind()).containsEntry("timeout", 2L);
        assertThat(s.unsent()).isBetween(45L, 48L);
    }

    @Test
    void aStageEndsAtItsRequestBudget() throws Exception {
        server = new TestTileServer(
                x -> x.respond(200, "image/png", TestTileServer.PNG, Map.of("geowebcache-cache-result", "MISS")));
        Report r = run(
                "stages: [{concurrency: 3, requests: 250, duration: 1m}]",
                new RunControl(1_000_000, Duration.ofMinutes(1)));
        assertThat(r.total().requests()).isEqualTo(250);
        assertThat(server.requests.get()).isEqualTo(250);
        assertThat(r.total().cache()).containsEntry("MISS", 250L);
        assertThat(r.total().bytes()).isEqualTo(250L * TestTileServer.PNG.length);
        assertThat(r.interrupted()).isFalse();
    }

    @Test
    void theRunsRequestBoundCutsAcrossStages() throws Exception {
        server = new TestTileServer(x -> x.respond(200, "image/png", TestTileServer.PNG, Map.of()));
        Report r = run(
                "stages: [{name: a, requests: 300, duration: 1m}, {name: b, requests: 300, duration: 1m}]",
                new RunControl(400, Duration.ofMinutes(1)));
        assertThat(r.stages()).extracting(StageReport::name).containsExactly("a", "b");
        assertThat(r.stages().get(0).total().requests()).isEqualTo(300);
        assertThat(r.stages().get(1).total().requests()).isEqualTo(100);
    }

    @Test
    void anInterruptedRunReportsWhatItHas() throws Exception {
        RunControl control = new RunControl(1_000_000, Duration.ofMinutes(1));
        server = new TestTileServer(x -> {
            if (server.requests.get() >= 200) { // not == : two requests may count before either checks
                control.interrupt();
            }
            x.respond(200, "image/png", TestTileServer.PNG, Map.of());
        });
        Report r = run("stages: [{name: long, concurrency: 2, duration: 1m}, {name: never, duration: 1m}]", control);
        assertThat(r.interrupted()).isTrue();
        assertThat(r.stages()).extracting(StageReport::name).containsExactly("long");
        assertThat(r.total().requests()).isBetween(150L, 202L);
    }

    @Test
    void stagesOfARunDrawFromDifferentSeeds() {
        assertThat(Runner.stageSeed(1, 0)).isEqualTo(1);
        assertThat(Set.of(
                        Runner.stageSeed(1, 0), Runner.stageSeed(1, 1), Runner.stageSeed(1, 2), Runner.stageSeed(2, 0)))
                .hasSize(4);
    }
}
