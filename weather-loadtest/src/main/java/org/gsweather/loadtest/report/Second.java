package org.gsweather.loadtest.report;

/** One second of a stage's timeline: completions in it and their latency (ms). */
public record Second(int t, long requests, long errors, Double p50, Double p99, Double max) {}
