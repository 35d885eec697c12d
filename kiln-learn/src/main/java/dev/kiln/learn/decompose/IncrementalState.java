package dev.kiln.learn.decompose;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.linalg.Matrix;
import dev.kiln.core.linalg.SingularValueDecomposition;

/**
 * The running state of an incremental PCA after some rows: the count, column means and
 * variances (combined batch by batch by Chan, Golub and LeVeque's pairwise update), and the
 * singular values and axes so far. {@link #update} folds in a batch by one SVD of the old axes
 * scaled by their singular values, the centred batch, and a row correcting for the shift of
 * the mean (Ross et al. 2008, as scikit-learn's {@code partial_fit}); that SVD goes through the
 * R factor of {@link TallSkinnyQr} when the stack has at least as many rows as columns, since
 * only its right singular vectors are needed. Immutable: an update returns a new state.
 */
record IncrementalState(IncrementalPca.Params params, Schema schema, int batchSize, long samplesSeen, double[] mean,
                        double[] variance, double[] components, double[] singularValues, double[] explainedVariance,
                        double[] explainedVarianceRatio, double noiseVariance) {

    static IncrementalState empty(IncrementalPca.Params params, Schema schema, int batchSize) {
        int p = schema.size();
        return new IncrementalState(params, schema, batchSize, 0, new double[p], new double[p], null, null, null, null, 0);
    }

    int p() {
        return schema.size();
    }

    int nComponents() {
        return singularValues == null ? 0 : singularValues.length;
    }

    /** The state after the rows of {@code batch} (compact, b×p, overwritten). */
    IncrementalState update(Matrix batch, String who) {
        int b = batch.rows();
        int p = p();
        Integer asked = params.nComponents();
        if (asked != null && asked > p) {
            throw new IllegalArgumentException(who + ": nComponents = " + asked + " exceeds the " + p
                    + " columns; use at most " + p);
        }
        if (asked != null && asked > b) {
            throw new IllegalArgumentException(who + ": nComponents = " + asked + " exceeds the " + b
                    + " rows of this batch; each batch needs at least nComponents rows");
        }
        int k = asked != null ? asked : components == null ? Math.min(b, p) : nComponents();
        double[] x = batch.storage();
        long total = samplesSeen + b;
        double[] batchMean = new double[p];
        double[] updatedMean = new double[p];
        double[] updatedVariance = new double[p];
        combineMoments(x, b, batchMean, updatedMean, updatedVariance);

        Matrix stack;
        if (samplesSeen == 0) {
            Centring.subtract(batch, updatedMean);
            stack = batch;
        } else {
            Centring.subtract(batch, batchMean);
            int old = nComponents();
            stack = Matrix.zeros(old + b + 1, p);
            double[] s = stack.storage();
            for (int c = 0; c < old; c++) {
                for (int j = 0; j < p; j++) {
                    s[c * p + j] = singularValues[c] * components[c * p + j];
                }
            }
            System.arraycopy(x, 0, s, old * p, b * p);
            double scale = Math.sqrt((double) samplesSeen / total * b);
            for (int j = 0; j < p; j++) {
                s[(old + b) * p + j] = scale * (mean[j] - batchMean[j]);
            }
        }
        Spectrum spectrum = rightSingular(stack);
        double[] sv = spectrum.singularValues();
        double[] vt = spectrum.leadingRows(k);
        SignFlip.applyToRows(vt, p, SignFlip.rowSigns(vt, k, p));

        double sumSquares = 0;
        for (int j = 0; j < p; j++) {
            sumSquares += updatedVariance[j] * total;
        }
        double[] ev = new double[k];
        double[] ratio = new double[k];
        for (int c = 0; c < k; c++) {
            ev[c] = sv[c] * sv[c] / (total - 1);
            ratio[c] = sv[c] * sv[c] / sumSquares;
        }
        double noise = 0;
        if (k != b && k != p) {
            for (int c = k; c < sv.length; c++) {
                noise += sv[c] * sv[c] / (total - 1);
            }
            noise /= sv.length - k;
        }
        return new IncrementalState(params, schema, batchSize, total, updatedMean, updatedVariance, vt,
                java.util.Arrays.copyOf(sv, k), ev, ratio, noise);
    }

    /**
     * The batch's column means and the running means and population variances including it
     * (scikit-learn's {@code _incremental_mean_and_var}: a corrected two-pass variance of the
     * batch, merged with the previous one by Chan, Golub and LeVeque's formula).
     */
    private void combineMoments(double[] x, int b, double[] batchMean, double[] updatedMean, double[] updatedVariance) {
        int p = p();
        double[] newSum = new double[p];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < p; j++) {
                newSum[j] += x[i * p + j];
            }
        }
        double[] correction = new double[p];
        double[] squares = new double[p];
        for (int j = 0; j < p; j++) {
            batchMean[j] = newSum[j] / b;
        }
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i * p + j] - batchMean[j];
                correction[j] += d;
                squares[j] += d * d;
            }
        }
        double last = samplesSeen;
        double updated = last + b;
        for (int j = 0; j < p; j++) {
            double lastSum = mean[j] * last;
            updatedMean[j] = (lastSum + newSum[j]) / updated;
            double newUnnormalised = squares[j] - correction[j] * correction[j] / b;
            double unnormalised = newUnnormalised;
            if (last > 0) {
                double lastOverNew = last / b;
                double gap = lastSum / lastOverNew - newSum[j];
                unnormalised = variance[j] * last + newUnnormalised + lastOverNew / updated * gap * gap;
            }
            updatedVariance[j] = unnormalised / updated;
        }
    }

    /** The singular values and right singular vectors of {@code stack}. */
    private static Spectrum rightSingular(Matrix stack) {
        Matrix a = stack.rows() >= stack.cols() ? TallSkinnyQr.r(stack) : stack;
        SingularValueDecomposition svd = SingularValueDecomposition.of(a);
        return new Spectrum(svd.singularValues().toArray(), svd.v().transpose().storage(), stack.cols());
    }
}
