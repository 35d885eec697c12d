/**
 * Why a model predicts what it does, and whether it treats groups alike: SHAP (tree, linear,
 * kernel), LIME, permutation importance, partial dependence, and bias audits.
 */
package dev.kiln.explain;
