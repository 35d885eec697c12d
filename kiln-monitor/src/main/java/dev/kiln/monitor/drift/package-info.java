/**
 * Data drift: {@link dev.kiln.monitor.drift.DataDrift} picks a test per column by Evidently's
 * rules, runs it on the non-missing values of a reference and a current frame, and decides
 * dataset drift from the share of drifted columns; {@link dev.kiln.monitor.drift.EmbeddingDrift}
 * compares two sets of vectors.
 */
package dev.kiln.monitor.drift;
