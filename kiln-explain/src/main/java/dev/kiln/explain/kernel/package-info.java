/**
 * KernelSHAP for any classifier or regressor ({@link dev.kiln.explain.kernel.KernelShap}), its
 * backgrounds, and the helpers model-agnostic explainers share: the model's input columns and its
 * outputs as numbers.
 */
package dev.kiln.explain.kernel;
