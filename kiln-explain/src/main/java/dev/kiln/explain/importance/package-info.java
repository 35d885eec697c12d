/** Global views of a model: permutation importance, mean |SHAP| rankings, partial dependence and ICE curves. */
package dev.kiln.explain.importance;
