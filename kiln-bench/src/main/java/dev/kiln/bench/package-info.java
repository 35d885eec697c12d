/** JMH benchmarks and side-by-side comparisons with peer libraries. */
package dev.kiln.bench;
