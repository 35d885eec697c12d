/**
 * Watching a model in production: drift tests that compare a reference data set with current
 * data column by column (Kolmogorov–Smirnov, chi-squared, z-test, PSI, Wasserstein,
 * Jensen–Shannon, Hellinger), embedding drift (domain classifier, maximum mean discrepancy),
 * and the HTML report that shows them.
 */
package dev.kiln.monitor;
