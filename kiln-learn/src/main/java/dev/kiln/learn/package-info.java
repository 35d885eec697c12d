/**
 * Preprocessing, model selection, and supervised and unsupervised learning algorithms.
 */
package dev.kiln.learn;
