package org.gsweather.loadtest.scenario;

import org.gsweather.loadtest.tiles.LonLatBox;

/** A named geographic region: a metropolitan area, the track of a storm or a forecast domain. */
public record Region(String name, String kind, LonLatBox box, String note) {}
