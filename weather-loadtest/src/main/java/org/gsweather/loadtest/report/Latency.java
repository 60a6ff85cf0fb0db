package org.gsweather.loadtest.report;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds. */
public record Latency(double p50, double p90, double p95, double p99, double p999, double max, double mean) {

    /** From a histogram of microseconds; null when it is empty. */
    public static Latency ofMicros(Histogram h) {
        if (h.getTotalCount() == 0) {
            return null;
        }
        return new Latency(
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                Math.round(h.getMean()) / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** The value of a metric by its name in reports and compare (p50, p90, p95, p99, p999, max, mean). */
    public double get(String metric) {
        return switch (metric) {
            case "p50" -> p50;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            case "p999" -> p999;
            case "max" -> max;
            case "mean" -> mean;
            default -> throw new IllegalArgumentException("no latency metric " + metric);
        };
    }
}
