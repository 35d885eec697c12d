package dev.kiln.learn.svm;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;

/**
 * What fitted support vector machines share: the training rows they keep (the support
 * vectors), their indices, and the kernel expansion over them that prediction evaluates.
 * Immutable.
 */
public abstract sealed class SvmModel permits SvcModel, SvrModel {
    private final Schema inputSchema;
    private final double[] vectors;
    private final int[] indices;
    private final double gamma;
    private final KernelExpansion expansion;

    SvmModel(Schema inputSchema, double[] supportVectors, int[] supportIndices, KernelFunction kernel) {
        int dims = inputSchema.size();
        if (supportVectors.length != (long) supportIndices.length * dims) {
            throw new IllegalArgumentException(supportVectors.length + " values do not make " + supportIndices.length
                    + " support vectors of " + dims + " features");
        }
        this.inputSchema = inputSchema;
        this.vectors = supportVectors.clone();
        this.indices = supportIndices.clone();
        this.gamma = kernel.gamma();
        this.expansion = new KernelExpansion(kernel, vectors, indices.length, dims);
    }

    /** The γ in use ({@link Gamma#scale()} and {@link Gamma#auto()} resolved at fit time). */
    public double gamma() {
        return gamma;
    }

    /** The support vectors, one per row (scikit-learn's {@code support_vectors_}). */
    public Matrix supportVectors() {
        return Matrix.wrap(indices.length, inputSchema.size(), vectors.clone());
    }

    /** The support vectors' training row indices (scikit-learn's {@code support_}). */
    public int[] supportIndices() {
        return indices.clone();
    }

    public Schema inputSchema() {
        return inputSchema;
    }

    int supportCount() {
        return indices.length;
    }

    KernelExpansion expansion() {
        return expansion;
    }
}
