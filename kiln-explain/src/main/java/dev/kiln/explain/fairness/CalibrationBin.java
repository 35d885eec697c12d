package dev.kiln.explain.fairness;

/**
 * One bin of a reliability curve: rows whose score falls in [low, high), with their mean score
 * and the share of them that is actually positive; a calibrated model has the two equal.
 *
 * @param low           the bin's lower edge
 * @param high          the bin's upper edge (the last bin includes 1)
 * @param count         rows in the bin
 * @param meanPredicted their mean score
 * @param observedRate  the share of them with the positive label
 */
public record CalibrationBin(double low, double high, long count, double meanPredicted, double observedRate) {
}
