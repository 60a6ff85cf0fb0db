package org.gsweather.loadtest.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gsweather.loadtest.scenario.ScenarioSpec.LimitsSpec;
import org.gsweather.loadtest.scenario.ScenarioSpec.PatternSpec;
import org.gsweather.loadtest.scenario.ScenarioSpec.StageSpec;

/** The shipped scenarios, scenario files, and the checks and defaults that turn them into plans. */
public final class Scenarios {

    /** The scenarios shipped as resources, in the order {@code wx-loadtest scenarios} lists them. */
    public static final List<String> SHIPPED = List.of(
            "quick",
            "cold_cache",
            "warm_cache",
            "zoom_sweep",
            "pan",
            "zoom_in",
            "animation",
            "layer_mix",
            "hot_spots",
            "stress",
            "spike",
            "soak",
            "replay");

    static final long DEFAULT_MAX_REQUESTS = 5_000_000;
    static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(2);
    private static final int MAX_CONCURRENCY = 10_000;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Scenarios() {}

    /** The YAML text of a shipped scenario. */
    public static String shippedText(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("scenarios/" + name + ".yaml")) {
            if (in == null) {
                throw new ScenarioException(
                        "no scenario '" + name + "'; shipped are " + String.join(", ", SHIPPED) + ", or give a file");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read shipped scenario " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a shipped scenario by name, or a YAML file by path (anything with a / or ending in .yaml/.yml), applies
     * the overrides and checks the result.
     */
    public static ScenarioPlan load(String nameOrPath, ScenarioOverrides overrides) {
        boolean file = nameOrPath.contains("/") || nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml");
        String text;
        String name;
        if (file) {
            Path p = Path.of(nameOrPath);
            try {
                text = Files.readString(p);
            } catch (NoSuchFileException e) {
                throw new ScenarioException("scenario file " + nameOrPath + ": no such file");
            } catch (IOException e) {
                throw new ScenarioException("scenario file " + nameOrPath + ": " + e.getMessage(), e);
            }
            String fn = p.getFileName().toString();
            name = fn.replaceFirst("\\.ya?ml$", "");
        } else {
            text = shippedText(nameOrPath);
            name = nameOrPath;
        }
        return parse(name, text, overrides);
    }

    /** Parses scenario YAML, applies the overrides and checks the result. */
    public static ScenarioPlan parse(String name, String yaml, ScenarioOverrides overrides) {
        ScenarioSpec spec;
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                tree = YAML.createObjectNode();
            }
            if (!(tree instanceof ObjectNode root)) {
                throw new ScenarioException("scenario " + name + ": the file must be a YAML mapping of settings");
            }
            overrides.applyTo(root);
            spec = YAML.treeToValue(root, ScenarioSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException("scenario " + name + ": unknown setting '" + e.getPropertyName() + "' at "
                    + e.getPathReference().replace("org.gsweather.loadtest.scenario.", "") + "; known are "
                    + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new ScenarioException("scenario " + name + ": " + e.getOriginalMessage());
        }
        return plan(name, spec);
    }

    static ScenarioPlan plan(String name, ScenarioSpec s) {
        String where = "scenario " + name;
        Service service = Service.of(or(s.service(), "wmts"), where);
        List<String> layers = s.layers() == null ? List.of() : s.layers();
        List<Double> weights = s.layerWeights() == null ? List.of() : s.layerWeights();
        if (!weights.isEmpty() && weights.size() != layers.size()) {
            throw new ScenarioException(where + ": layerWeights has " + weights.size() + " values for " + layers.size()
                    + " layers; give one weight per layer");
        }
        for (double w : weights) {
            if (!(w > 0)) {
                throw new ScenarioException(where + ": layerWeights must be positive numbers");
            }
        }
        ZoomRange zooms = ZoomRange.parse(or(s.zooms(), "0-10"), where);
        LoadModel model = LoadModel.of(or(s.model(), "closed"), where);
        Duration think = Durations.parse(or(s.thinkTime(), "0ms"), where + ", thinkTime");
        Duration timeout = Durations.parse(or(s.timeout(), "30s"), where + ", timeout");
        if (timeout.isZero()) {
            throw new ScenarioException(where + ": timeout must be positive");
        }
        PatternPlan pattern = pattern(s.pattern(), null, where);
        List<StagePlan> stages = new ArrayList<>();
        List<StageSpec> specs = s.stages() == null || s.stages().isEmpty()
                ? List.of(new StageSpec(null, null, null, null, null, null, null, null, null, null))
                : s.stages();
        for (int i = 0; i < specs.size(); i++) {
            stages.add(stage(specs.get(i), i, model, s.rate(), think, pattern, where));
        }
        LimitsSpec limits = s.limits() == null ? new LimitsSpec(null, null) : s.limits();
        long maxRequests = limits.maxRequests() == null ? DEFAULT_MAX_REQUESTS : limits.maxRequests();
        Duration maxDuration = limits.maxDuration() == null
                ? DEFAULT_MAX_DURATION
                : Durations.parse(limits.maxDuration(), where + ", limits.maxDuration");
        if (maxRequests <= 0 || maxDuration.isZero()) {
            throw new ScenarioException(where + ": limits.maxRequests and limits.maxDuration must be positive");
        }
        return new ScenarioPlan(
                name,
                or(s.description(), ""),
                service,
                layers,
                weights,
                or(s.styles(), "default"),
                or(s.times(), "default"),
                or(s.tileMatrixSet(), "auto"),
                or(s.format(), "image/png"),
                or(s.region(), "extent"),
                zooms,
                s.seed() == null ? 1 : s.seed(),
                timeout,
                Boolean.TRUE.equals(s.reset()),
                stages,
                maxRequests,
                maxDuration);
    }

    private static StagePlan stage(
            StageSpec st,
            int index,
            LoadModel model,
            Double baseRate,
            Duration think,
            PatternPlan pattern,
            String where) {
        String name = st.name() != null ? st.name() : "stage" + (index + 1);
        String w = where + ", stage " + name;
        LoadModel m = st.model() != null ? LoadModel.of(st.model(), w) : model;
        Duration t = st.thinkTime() != null ? Durations.parse(st.thinkTime(), w + ", thinkTime") : think;
        PatternPlan p = st.pattern() != null ? pattern(st.pattern(), pattern, w) : pattern;
        int concurrency = st.concurrency() != null ? st.concurrency() : m == LoadModel.OPEN ? 64 : 10;
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new ScenarioException(w + ": concurrency " + concurrency + " is not within 1.." + MAX_CONCURRENCY);
        }
        if (st.rateFactor() != null && !(st.rateFactor() > 0)) {
            throw new ScenarioException(w + ": rateFactor must be positive");
        }
        double rate = st.rate() != null
                ? st.rate()
                : baseRate != null ? baseRate * (st.rateFactor() != null ? st.rateFactor() : 1) : 0;
        if ((st.rate() != null || baseRate != null) && !(rate > 0 && rate <= 1_000_000)) {
            throw new ScenarioException(w + ": rate " + rate + " is not within 0..1000000 requests/s");
        }
        if (m == LoadModel.OPEN && rate == 0 && !selfScheduled(p)) {
            throw new ScenarioException(w + ": the open model needs a rate (requests/s) for a " + p.type()
                    + " pattern; set rate: or --rate");
        }
        Duration duration = st.duration() != null ? Durations.parse(st.duration(), w + ", duration") : null;
        long requests = st.requests() != null ? st.requests() : Long.MAX_VALUE;
        if (duration == null && st.requests() == null) {
            throw new ScenarioException(w + ": give a duration, a number of requests, or both");
        }
        if (requests <= 0 || (duration != null && duration.isZero())) {
            throw new ScenarioException(w + ": duration and requests must be positive");
        }
        return new StagePlan(
                name,
                m,
                concurrency,
                rate,
                duration == null ? DEFAULT_MAX_DURATION : duration,
                requests,
                t,
                Boolean.TRUE.equals(st.warmup()),
                p);
    }

    /** Patterns that carry their own timing (viewer steps, frames, log timestamps) under the open model. */
    public static boolean selfScheduled(PatternPlan p) {
        return switch (p.type()) {
            case "pan", "zoom_in", "animation", "replay" -> true;
            default -> false;
        };
    }

    private static PatternPlan pattern(PatternSpec p, PatternPlan base, String where) {
        PatternSpec s = p != null
                ? p
                : new PatternSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        String type =
                s.type() != null ? s.type().trim().toLowerCase(Locale.ROOT) : base != null ? base.type() : "uniform";
        if (!PatternPlan.TYPES.contains(type)) {
            throw new ScenarioException(
                    where + ": pattern type '" + s.type() + "' is not one of " + String.join(", ", PatternPlan.TYPES));
        }
        int[] viewport = viewport(
                s.viewport() != null
                        ? s.viewport()
                        : base != null ? base.viewportWidth() + "x" + base.viewportHeight() : "4x3",
                where);
        double exponent = s.exponent() != null ? s.exponent() : base != null ? base.exponent() : 1.1;
        if (!(exponent > 0)) {
            throw new ScenarioException(where + ": pattern exponent must be positive (1.0-1.2 is typical of maps)");
        }
        double fps = s.fps() != null ? s.fps() : base != null ? base.fps() : 2;
        if (!(fps > 0 && fps <= 100)) {
            throw new ScenarioException(where + ": pattern fps must be within 0..100");
        }
        Duration stepInterval = s.stepInterval() != null
                ? Durations.parse(s.stepInterval(), where + ", pattern.stepInterval")
                : base != null ? base.stepInterval() : Duration.ofMillis(500);
        int step = positive(s.step(), base != null ? base.step() : 1, "step", where);
        int tilesPerZoom = positive(s.tilesPerZoom(), base != null ? base.tilesPerZoom() : 16, "tilesPerZoom", where);
        int viewers = positive(s.viewers(), base != null ? base.viewers() : 1, "viewers", where);
        int loops = positive(s.loops(), base != null ? base.loops() : 1, "loops", where);
        double speed = s.speed() != null ? s.speed() : base != null ? base.speed() : 1;
        if (!(speed > 0)) {
            throw new ScenarioException(where + ": pattern speed must be positive");
        }
        Path log = s.log() != null ? Path.of(s.log()) : base != null ? base.log() : null;
        if (type.equals("replay") && log == null) {
            throw new ScenarioException(where + ": a replay pattern needs the access log: pattern.log or --log FILE");
        }
        return new PatternPlan(
                type,
                exponent,
                s.hotSpots() != null ? s.hotSpots() : base != null ? base.hotSpots() : List.of(Regions.POPULATION),
                s.targets() != null ? s.targets() : base != null ? base.targets() : List.of(Regions.STORMS),
                viewport[0],
                viewport[1],
                fps,
                stepInterval,
                step,
                tilesPerZoom,
                viewers,
                loops,
                log,
                speed,
                s.loop() != null ? s.loop() : base != null && base.loop());
    }

    private static int[] viewport(String text, String where) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w > 0 && h > 0 && w * h <= 400) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException(where + ": viewport '" + text + "' is not WxH tiles (e.g. 4x3, at most 400 tiles)");
    }

    private static int positive(Integer v, int dflt, String what, String where) {
        int x = v != null ? v : dflt;
        if (x <= 0) {
            throw new ScenarioException(where + ": pattern " + what + " must be positive");
        }
        return x;
    }

    private static String or(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }
}
