package org.gsweather.loadtest.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gsweather.loadtest.capabilities.GeoServerCapabilities;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.request.Targets;
import org.gsweather.loadtest.scenario.PatternPlan;
import org.gsweather.loadtest.scenario.Regions;
import org.gsweather.loadtest.scenario.ScenarioOverrides;
import org.gsweather.loadtest.scenario.ScenarioPlan;
import org.gsweather.loadtest.scenario.Scenarios;
import org.gsweather.loadtest.tiles.LonLatBox;
import org.gsweather.loadtest.tiles.TileRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternsTest {
    private final Regions regions = Regions.builtIn();

    private ScenarioPlan plan(String yaml) {
        return Scenarios.parse("t", yaml + "\nstages: [{duration: 1s}]", ScenarioOverrides.NONE);
    }

    private List<LayerTarget> layers(ScenarioPlan p) {
        return Targets.fromWmts(p, GeoServerCapabilities.wmts(), regions);
    }

    private List<PlannedRequest> take(String yaml, long seed, int n) {
        ScenarioPlan p = plan(yaml);
        RequestPattern pattern = Patterns.create(p.stages().get(0).pattern(), layers(p), regions, seed);
        List<PlannedRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PlannedRequest r = pattern.next();
            if (r == null) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    private static final String STATES_AND_FRAMES = "layers: [topp:states, wx:frames]\nstyles: all\ntimes: all\n";

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "zipf", "zoom_sweep", "pan", "zoom_in", "animation"})
    void theSameSeedSendsTheSameRequestsInTheSameOrder(String type) {
        String yaml = STATES_AND_FRAMES + "zooms: 2-9\npattern: {type: " + type
                + ", hotSpots: [world], targets: [europe," + " conus], viewers: 3}";
        if (type.equals("animation")) {
            yaml = "layers: [wx:frames]\ntimes: all\nzooms: 2-9\npattern: {type: animation, viewers: 3}";
        }
        List<PlannedRequest> a = take(yaml, 42, 3000);
        List<PlannedRequest> b = take(yaml, 42, 3000);
        List<PlannedRequest> c = take(yaml, 43, 3000);
        assertThat(a).hasSize(3000);
        assertThat(b).isEqualTo(a);
        assertThat(c.stream().map(PlannedRequest::target).toList())
                .isNotEqualTo(a.stream().map(PlannedRequest::target).toList());
    }

    @Test
    void uniformStaysWithinTheAreaAndCoversEveryZoom() {
        ScenarioPlan p = plan("layers: [topp:states]\nregion: conus\nzooms: 3-8");
        LayerTarget layer = layers(p).get(0);
        Set<Integer> zooms = new HashSet<>();
        for (PlannedRequest r : take("layers: [topp:states]\nregion: conus\nzooms: 3-8", 7, 5000)) {
            Map<String, String> q = query(r.target());
            int z = r.zoom();
            zooms.add(z);
            assertThat(layer.areaRange(z).contains(Long.parseLong(q.get("TILECOL")), Long.parseLong(q.get("TILEROW"))))
                    .isTrue();
        }
        assertThat(zooms).containsExactlyInAnyOrder(3, 4, 5, 6, 7, 8);
    }

    @Test
    void sweepRequestsEveryTileOnceCoarsestFirst() {
        String yaml = "layers: [topp:states]\nstyles: all\nzooms: 0-5\npattern: {type: sweep}";
        LayerTarget layer = layers(plan(yaml)).get(0);
        long expected = 0;
        for (int z = 0; z <= 5; z++) {
            expected += layer.areaRange(z).count() * 3;
        }
        List<PlannedRequest> all = take(yaml, 1, 100_000);
        assertThat(all).hasSize((int) expected);
        assertThat(all.stream().map(PlannedRequest::target).distinct()).hasSize((int) expected);
        assertThat(all.stream().map(PlannedRequest::zoom).toList()).isSorted();
    }

    @Test
    void zipfHotSpotsFavourTheTopRankedRegionAndItsCentre() {
        // three disjoint regions ranked new_york, chicago, houston: Zipf(1.1) draws them 57%, 26%, 17%
        String yaml = "layers: [topp:states]\nzooms: 10\npattern: {type: zipf, exponent: 1.1, hotSpots: [new_york,"
                + " chicago, houston]}";
        LayerTarget layer = layers(plan(yaml)).get(0);
        List<TileRange> ranges = new ArrayList<>();
        for (String name : List.of("new_york", "chicago", "houston")) {
            ranges.add(layer.range(10, regions.resolve(name, "t").get(0).box()));
        }
        int[] hits = new int[3];
        Map<String, Integer> byTile = new HashMap<>();
        for (PlannedRequest r : take(yaml, 3, 20_000)) {
            Map<String, String> q = query(r.target());
            long col = Long.parseLong(q.get("TILECOL"));
            long row = Long.parseLong(q.get("TILEROW"));
            for (int i = 0; i < 3; i++) {
                if (ranges.get(i).contains(col, row)) {
                    hits[i]++;
                }
            }
            byTile.merge(col + "/" + row, 1, Integer::sum);
        }
        assertThat(hits[0] + hits[1] + hits[2]).isEqualTo(20_000);
        assertThat(hits[0] / 20_000.0).isBetween(0.53, 0.63);
        assertThat(hits[1] / 20_000.0).isBetween(0.23, 0.31);
        assertThat(hits[2] / 20_000.0).isBetween(0.11, 0.19);
        TileRange ny = ranges.get(0);
        String centre = (ny.minCol() + ny.maxCol()) / 2 + "/" + (ny.minRow() + ny.maxRow()) / 2;
        String hottest = byTile.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(hottest).isEqualTo(centre);
    }

    @Test
    void panRequestsTheViewportThenOnlyTheColumnEnteringIt() {
        List<PlannedRequest> all = take(
                "layers: [topp:states]\nzooms: 7\nmodel: open\npattern: {type: pan, stepInterval: 250ms}",
                5,
                12 + 3 * 5);
        assertThat(all.subList(0, 12)).extracting(PlannedRequest::dueNanos).containsOnly(0L);
        for (int step = 1; step <= 5; step++) {
            List<PlannedRequest> s = all.subList(12 + 3 * (step - 1), 12 + 3 * step);
            assertThat(s).extracting(PlannedRequest::dueNanos).containsOnly(step * 250_000_000L);
            assertThat(s.stream().map(r -> query(r.target()).get("TILECOL")).distinct())
                    .hasSize(1);
        }
        // each new column sits next to the previous one
        long first = col(all.get(12));
        long second = col(all.get(15));
        assertThat(Math.abs(second - first)).isEqualTo(1);
    }

    /** Requests grouped by due time: one group per viewer step (one viewer). */
    private static List<List<PlannedRequest>> steps(List<PlannedRequest> all) {
        Map<Long, List<PlannedRequest>> by = new java.util.TreeMap<>();
        for (PlannedRequest r : all) {
            by.computeIfAbsent(r.dueNanos(), k -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(by.values());
    }

    @Test
    void zoomInGoesDownTheZoomsAroundTheTarget() {
        String yaml = "layers: [topp:states]\nzooms: 3-12\npattern: {type: zoom_in, targets: [moore_tornado_2013],"
                + " stepInterval: 1s}";
        List<List<PlannedRequest>> steps = steps(take(yaml, 5, 200));
        LonLatBox moore = regions.resolve("moore_tornado_2013", "t").get(0).box();
        LayerTarget layer = layers(plan(yaml)).get(0);
        for (int step = 0; step < 10; step++) {
            List<PlannedRequest> s = steps.get(step);
            int z = 3 + step;
            assertThat(s.get(0).dueNanos()).isEqualTo(step * 1_000_000_000L);
            assertThat(s).extracting(PlannedRequest::zoom).containsOnly(z);
            // the 4x3 viewport, cut where the layer's tiles end (its extent is 4x2 tiles at zoom 3)
            assertThat(s).hasSize((int)
                    Math.min(12, layer.range(z, layer.extent()).count()));
            TileRange at = layer.range(z, moore);
            long cc = (at.minCol() + at.maxCol()) / 2;
            assertThat(s.stream().anyMatch(r -> col(r) == cc)).isTrue();
        }
    }

    @Test
    void animationStepsThroughTheTimesAtTheFrameRate() {
        String yaml = "layers: [wx:frames]\ntimes: all\nzooms: 9\npattern: {type: animation, fps: 4, loops: 2}";
        List<List<PlannedRequest>> frames = steps(take(yaml, 5, 500));
        List<String> times = layers(plan(yaml)).get(0).times();
        for (int frame = 0; frame < 8; frame++) {
            List<PlannedRequest> f = frames.get(frame);
            String time = times.get(frame % 4);
            assertThat(f.get(0).dueNanos()).isEqualTo(frame * 250_000_000L);
            assertThat(f).hasSize(12);
            assertThat(f).allSatisfy(r -> assertThat(r.target()).endsWith("&TIME=" + time));
            // the same viewport every frame
            assertThat(f.stream()
                            .map(r -> r.target().replaceAll("&TIME=.*", ""))
                            .toList())
                    .isEqualTo(frames.get(0).stream()
                            .map(r -> r.target().replaceAll("&TIME=.*", ""))
                            .toList());
        }
    }

    @Test
    void animationNeedsTimeValues() {
        ScenarioPlan p = plan("layers: [topp:states]\npattern: {type: animation}");
        PatternPlan pattern = p.stages().get(0).pattern();
        List<LayerTarget> l = layers(p);
        assertThatThrownBy(() -> Patterns.create(pattern, l, regions, 1))
                .hasMessage("an animation steps through time values, and layer topp:states is requested without TIME:"
                        + " set times: all (or first:N, last:N, a list)");
    }

    @Test
    void hotSpotsMustOverlapTheLayer() {
        ScenarioPlan p = plan("layers: [nurc:Pk50095]\npattern: {type: zipf, hotSpots: [population]}");
        List<LayerTarget> l = layers(p);
        assertThatThrownBy(() -> Patterns.create(p.stages().get(0).pattern(), l, regions, 1))
                .hasMessageStartingWith("no hot spot region overlaps layer nurc:Pk50095's extent");
    }

    @Test
    void spiralRanksWalkSquareRingsOutwards() {
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < 49; r++) {
            long[] d = Spiral.offset(r);
            int ring = r == 0 ? 0 : r < 9 ? 1 : r < 25 ? 2 : 3;
            assertThat(Math.max(Math.abs(d[0]), Math.abs(d[1])))
                    .as("rank %d", r)
                    .isEqualTo(ring);
            seen.add(d[0] + "," + d[1]);
        }
        assertThat(seen).hasSize(49);
    }

    private static long col(PlannedRequest r) {
        return Long.parseLong(query(r.target()).get("TILECOL"));
    }

    static Map<String, String> query(String target) {
        Map<String, String> m = new HashMap<>();
        for (String kv : target.substring(target.indexOf('?') + 1).split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p.length > 1 ? p[1] : "");
        }
        return m;
    }
}
