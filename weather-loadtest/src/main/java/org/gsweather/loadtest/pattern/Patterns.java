package org.gsweather.loadtest.pattern;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.gsweather.loadtest.request.LayerTarget;
import org.gsweather.loadtest.scenario.PatternPlan;
import org.gsweather.loadtest.scenario.Region;
import org.gsweather.loadtest.scenario.Regions;

/** Builds the request pattern of a stage. */
public final class Patterns {
    private Patterns() {}

    /**
     * The pattern for a stage's layers, its random draws seeded by {@code seed}: the same plan, layers and seed give
     * the same requests in the same order.
     */
    public static RequestPattern create(PatternPlan plan, List<LayerTarget> layers, Regions regions, long seed) {
        UniformRandomProvider rng = random(seed);
        return switch (plan.type()) {
            case "uniform" -> new UniformPattern(layers, rng);
            case "sweep" -> new SweepPattern(layers);
            case "zoom_sweep" -> new ZoomSweepPattern(layers, plan.tilesPerZoom(), rng);
            case "zipf" ->
                new ZipfHotSpotPattern(layers, regions(plan.hotSpots(), regions, "hotSpots"), plan.exponent(), rng);
            case "pan" ->
                new PanPattern(
                        layers,
                        plan.viewers(),
                        plan.viewportWidth(),
                        plan.viewportHeight(),
                        plan.step(),
                        plan.stepInterval(),
                        rng);
            case "zoom_in" ->
                new ZoomInPattern(
                        layers,
                        regions(plan.targets(), regions, "targets"),
                        plan.viewers(),
                        plan.viewportWidth(),
                        plan.viewportHeight(),
                        plan.stepInterval(),
                        rng);
            case "animation" ->
                new AnimationPattern(
                        layers,
                        plan.viewers(),
                        plan.viewportWidth(),
                        plan.viewportHeight(),
                        plan.fps(),
                        plan.loops(),
                        rng);
            case "replay" -> replay(plan);
            default -> throw new IllegalArgumentException("pattern type " + plan.type());
        };
    }

    /** A replay of the plan's access log. */
    public static RequestPattern replay(PatternPlan plan) {
        return new ReplayPattern(AccessLog.read(plan.log()), plan.speed(), plan.loop());
    }

    /** Whether a pattern carries its own timing (viewer steps, frames, time-stamped logs). */
    public static boolean scheduled(RequestPattern p) {
        return p instanceof ViewerPattern || (p instanceof ReplayPattern r && r.timed());
    }

    /** The seeded generator every random pattern draws from (xoroshiro128++, commons-rng). */
    static UniformRandomProvider random(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    private static List<Region> regions(List<String> names, Regions regions, String what) {
        List<Region> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(regions.resolve(n, "pattern." + what));
        }
        return out;
    }
}
