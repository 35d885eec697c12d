/** Special functions and distribution tails for test statistics and estimators. */
package dev.kiln.core.stats;
