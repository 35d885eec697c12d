/** LIME for tables and for text, as the {@code lime} package: local sparse ridge surrogates with their fidelity. */
package dev.kiln.explain.lime;
