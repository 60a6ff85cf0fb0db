package org.gsweather.loadtest.pattern;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.gsweather.loadtest.request.LayerTarget;

/** Draws a layer by weight, and a style and time value of it uniformly. */
final class LayerPicker {
    private final List<LayerTarget> layers;
    private final double[] cumulative;
    private final UniformRandomProvider rng;

    LayerPicker(List<LayerTarget> layers, UniformRandomProvider rng) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layers");
        }
        this.layers = List.copyOf(layers);
        this.rng = rng;
        cumulative = new double[layers.size()];
        double sum = 0;
        for (int i = 0; i < layers.size(); i++) {
            sum += layers.get(i).weight();
            cumulative[i] = sum;
        }
    }

    LayerTarget layer() {
        if (layers.size() == 1) {
            return layers.get(0);
        }
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return layers.get(i);
            }
        }
        return layers.get(layers.size() - 1);
    }

    String style(LayerTarget layer) {
        return pick(layer.styles());
    }

    String time(LayerTarget layer) {
        return pick(layer.times());
    }

    int zoom(LayerTarget layer) {
        return pick(layer.zooms());
    }

    <T> T pick(List<T> values) {
        return values.size() == 1 ? values.get(0) : values.get(rng.nextInt(values.size()));
    }

    long below(long n) {
        return n == 1 ? 0 : rng.nextLong(n);
    }
}
