package org.gsweather.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    private static ScenarioOverrides log(String file) {
        return new ScenarioOverrides(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, file,
                null, null, null);
    }

    @Test
    void everyShippedScenarioLoads() {
        for (String name : Scenarios.SHIPPED) {
            ScenarioPlan p = Scenarios.load(name, name.equals("replay") ? log("access.log") : ScenarioOverrides.NONE);
            assertThat(p.stages()).as(name).isNotEmpty();
            assertThat(p.description()).as(name).isNotBlank();
        }
    }

    @Test
    void stressStepsThroughFourConcurrencies() {
        ScenarioPlan p = Scenarios.load("stress", ScenarioOverrides.NONE);
        assertThat(p.stages()).extracting(StagePlan::concurrency).containsExactly(10, 50, 200, 500);
        assertThat(p.stages()).extracting(StagePlan::duration).containsOnly(Duration.ofSeconds(20));
        assertThat(p.stages()).extracting(StagePlan::model).containsOnly(LoadModel.CLOSED);
    }

    @Test
    void spikeIsTenTimesTheBaseRateWhateverTheBase() {
        assertThat(Scenarios.load("spike", ScenarioOverrides.NONE).stages())
                .extracting(StagePlan::rate)
                .containsExactly(100.0, 1000.0, 100.0);
        ScenarioOverrides rate = new ScenarioOverrides(
                null, null, null, null, null, null, null, null, null, null, null, null, null, 250.0, null, null, null,
                null, null, null);
        assertThat(Scenarios.load("spike", rate).stages())
                .extracting(StagePlan::rate)
                .containsExactly(250.0, 2500.0, 250.0);
    }

    @Test
    void commandLineSettingsReplaceEveryStages() {
        ScenarioOverrides o = new ScenarioOverrides(
                "wms",
                List.of("a", "b"),
                "all",
                "latest",
                null,
                "image/jpeg",
                "conus",
                "3-5",
                42L,
                null,
                null,
                "5s",
                7,
                null,
                "3s",
                100L,
                null,
                null,
                1000L,
                "1m");
        ScenarioPlan p = Scenarios.load("stress", o);
        assertThat(p.service()).isEqualTo(Service.WMS);
        assertThat(p.layers()).containsExactly("a", "b");
        assertThat(p.styles()).isEqualTo("all");
        assertThat(p.times()).isEqualTo("latest");
        assertThat(p.format()).isEqualTo("image/jpeg");
        assertThat(p.region()).isEqualTo("conus");
        assertThat(p.zooms()).isEqualTo(new ZoomRange(3, 5));
        assertThat(p.seed()).isEqualTo(42);
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.maxRequests()).isEqualTo(1000);
        assertThat(p.maxDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.stages()).extracting(StagePlan::concurrency).containsOnly(7);
        assertThat(p.stages()).extracting(StagePlan::duration).containsOnly(Duration.ofSeconds(3));
        assertThat(p.stages()).extracting(StagePlan::requests).containsOnly(100L);
    }

    @Test
    void aStageMayOverrideThePattern() {
        ScenarioPlan p = Scenarios.load("warm_cache", ScenarioOverrides.NONE);
        assertThat(p.stages()).extracting(s -> s.pattern().type()).containsExactly("sweep", "uniform");
        assertThat(p.stages()).extracting(StagePlan::warmup).containsExactly(true, false);
    }

    @Test
    void defaultsFillAnEmptyFile() {
        ScenarioPlan p = Scenarios.parse("mine", "stages: [{duration: 10s}]", ScenarioOverrides.NONE);
        assertThat(p.service()).isEqualTo(Service.WMTS);
        assertThat(p.format()).isEqualTo("image/png");
        assertThat(p.zooms()).isEqualTo(new ZoomRange(0, 10));
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(30));
        StagePlan s = p.stages().get(0);
        assertThat(s.name()).isEqualTo("stage1");
        assertThat(s.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(s.concurrency()).isEqualTo(10);
        assertThat(s.requests()).isEqualTo(Long.MAX_VALUE);
        assertThat(s.pattern().type()).isEqualTo("uniform");
        assertThat(s.pattern().viewportWidth()).isEqualTo(4);
        assertThat(s.pattern().viewportHeight()).isEqualTo(3);
    }

    @Test
    void aTypoNamesTheSettingAndTheKnownOnes() {
        assertThatThrownBy(() -> Scenarios.parse("mine", "zoom: 0-5\nstages: [{duration: 1s}]", ScenarioOverrides.NONE))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario mine: unknown setting 'zoom' at")
                .hasMessageContaining("zooms");
    }

    @Test
    void badValuesSayWhatWouldBeRight() {
        assertThatThrownBy(() -> Scenarios.parse("m", "stages: [{duration: 30x}]", ScenarioOverrides.NONE))
                .hasMessage("scenario m, stage stage1, duration: '30x' is not a duration; write e.g. 500ms, 30s, 10m or"
                        + " 1h");
        assertThatThrownBy(() -> Scenarios.parse("m", "stages: [{concurrency: 5}]", ScenarioOverrides.NONE))
                .hasMessage("scenario m, stage stage1: give a duration, a number of requests, or both");
        assertThatThrownBy(() -> Scenarios.parse("m", "model: open\nstages: [{duration: 5s}]", ScenarioOverrides.NONE))
                .hasMessage("scenario m, stage stage1: the open model needs a rate (requests/s) for a uniform pattern;"
                        + " set rate: or --rate");
        assertThatThrownBy(
                        () -> Scenarios.parse("m", "model: sideways\nstages: [{duration: 5s}]", ScenarioOverrides.NONE))
                .hasMessage("scenario m: model 'sideways' is not closed or open");
        assertThatThrownBy(() -> Scenarios.parse(
                        "m", "pattern: {type: pan, viewport: 4}\nstages: [{duration: 5s}]", ScenarioOverrides.NONE))
                .hasMessage("scenario m: viewport '4' is not WxH tiles (e.g. 4x3, at most 400 tiles)");
        assertThatThrownBy(() -> Scenarios.parse("m", "zooms: 9-3\nstages: [{duration: 5s}]", ScenarioOverrides.NONE))
                .hasMessage("scenario m: zooms 9-3: need 0 <= min <= max");
        assertThatThrownBy(() -> Scenarios.parse(
                        "m", "pattern: {type: replay}\nstages: [{duration: 5s}]", ScenarioOverrides.NONE))
                .hasMessage("scenario m: a replay pattern needs the access log: pattern.log or --log FILE");
        assertThatThrownBy(() -> Scenarios.load("nope", ScenarioOverrides.NONE))
                .hasMessageStartingWith("no scenario 'nope'; shipped are quick, cold_cache,");
    }

    @Test
    void durationsReadTheUnitsPeopleWrite() {
        assertThat(Durations.parse("250ms", "x")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("1m30s", "x")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("1.5h", "x")).isEqualTo(Duration.ofMinutes(90));
    }
}
