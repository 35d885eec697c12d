package dev.kiln.monitor.drift;

/**
 * A test statistic and its p-value.
 *
 * @param statistic the statistic (D, χ², z)
 * @param pValue    the probability of a statistic at least as extreme under "no drift"
 */
public record TestStatistic(double statistic, double pValue) {
}
