/**
 * Production monitoring: data profiles and expectations, drift tests, and the statistics of
 * online experiments (A/B tests).
 */
package dev.kiln.monitor;
