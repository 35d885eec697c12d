/**
 * Watching data and models in production: one-pass data profiles and the expectations
 * inferred from them; drift tests that compare a reference data set with current data column by
 * column (Kolmogorov–Smirnov, chi-squared, z-test, PSI, Wasserstein, Jensen–Shannon, Hellinger)
 * and embedding drift (domain classifier, maximum mean discrepancy); and the statistics of
 * online experiments (A/B tests).
 */
package dev.kiln.monitor;
