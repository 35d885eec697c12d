package dev.kiln.learn.decompose;

import dev.kiln.core.frame.Schema;

/** A fitted {@link Pca}: the principal components with the solver that found them. */
public final class FittedPca extends PrincipalComponents {
    private final Pca.Params params;
    private final Pca.SvdSolver solver;
    private final int nSamples;

    FittedPca(Pca.Params params, Pca.SvdSolver solver, int nSamples, Schema inputSchema, double[] mean, double[] components,
              double[] explainedVariance, double[] explainedVarianceRatio, double[] singularValues, double noiseVariance) {
        super(Pca.WHO, inputSchema, mean, components, explainedVariance, explainedVarianceRatio, singularValues, noiseVariance,
                params.whiten());
        this.params = params;
        this.solver = solver;
        this.nSamples = nSamples;
    }

    public Pca.Params params() {
        return params;
    }

    /** The solver that ran: FULL or RANDOMIZED (AUTO resolved). */
    public Pca.SvdSolver solver() {
        return solver;
    }

    /** The rows it was fitted on. */
    public int nSamples() {
        return nSamples;
    }
}
