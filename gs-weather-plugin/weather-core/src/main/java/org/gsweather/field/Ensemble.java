package org.gsweather.field;

/**
 * Ensemble information of a member or of a product derived from all members.
 *
 * @param kind e.g. {@code control}, {@code perturbed}, {@code mean}, {@code spread}
 * @param member perturbation number, {@code -1} for a derived product
 * @param size number of forecasts in the ensemble
 */
public record Ensemble(String kind, int member, int size) {}
