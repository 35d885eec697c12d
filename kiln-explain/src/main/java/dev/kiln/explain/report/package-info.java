/** Explanation plots (waterfall, force, beeswarm, importance bars, partial dependence) and a self-contained HTML report. */
package dev.kiln.explain.report;
